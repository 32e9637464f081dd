package io.cmlfleet.application;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The application is cut into capability packages ({@code monitoring}, {@code refresh}, {@code readmodel},
 * {@code forensics}, ...) that depend on each other in one direction only, so each can be read, changed and
 * tested from the bottom up: ports and value types below, the services that combine them above.
 */
@AnalyzeClasses(packages = "io.cmlfleet.application", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices()
            .matching("io.cmlfleet.application.(*)..")
            .should().beFreeOfCycles();

    /** Also inside a capability: {@code forensics.finding} may not reach back into {@code forensics}. */
    @ArchTest
    static final ArchRule everyPackageIsFreeOfCycles = slices()
            .matching("io.cmlfleet.application.(**)")
            .should().beFreeOfCycles();
}
