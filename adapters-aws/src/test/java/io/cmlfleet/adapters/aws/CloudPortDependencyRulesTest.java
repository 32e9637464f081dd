package io.cmlfleet.adapters.aws;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

class CloudPortDependencyRulesTest {

    private final JavaClasses ports = new ClassFileImporter().importPackages("io.cmlfleet.application.port.cloud");

    @Test
    void cloudPortsUsePlainJavaTypesOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "io.cmlfleet.adapters..")
                .check(ports);
    }
}
