package io.cmlfleet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Dependencies point inward: the domain knows nothing of Spring, AWS or HTTP; the application knows no adapter;
 * adapters know neither each other nor the bootstrap; the library starter knows neither the HTTP starter nor the
 * service, and the HTTP starter does not know the service.
 */
@AnalyzeClasses(packages = "io.cmlfleet",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {

    /** The starter's test fixtures reach the service's tests as a {@code -tests.jar}: they are tests too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    /** {@code cmlfleet-spring-boot-starter}: auto-configuration, storage modes, metrics and health. */
    private static final String[] STARTER = {
            "io.cmlfleet.bootstrap", "io.cmlfleet.bootstrap.config..", "io.cmlfleet.bootstrap.observability.."};
    /** {@code cmlfleet-http-spring-boot-starter}. */
    private static final String HTTP = "io.cmlfleet.bootstrap.api..";
    /** {@code cmlfleet-service}: the application, the CLI and the simulated-fleet wiring. */
    private static final String[] SERVICE = {
            "io.cmlfleet.bootstrap.app..", "io.cmlfleet.bootstrap.cli..", "io.cmlfleet.bootstrap.simulator.."};
    private static final String[] WEB_AND_SECURITY = {
            "jakarta.servlet..", "org.springframework.web..", "org.springframework.security..", "org.apache.catalina..",
            "io.swagger..", "org.springdoc.."};

    private static final String[] HTTP_AND_CLOUD_LIBRARIES = {
            "software.amazon..", "java.net.http..", "org.apache.http..", "org.apache.hc..", "okhttp3..",
            "com.github.tomakehurst..", "jakarta.servlet..", "javax.servlet.."};

    @ArchTest
    static final ArchRule domainImportsNothingFromSpringAwsOrHttp = noClasses()
            .that().resideInAPackage("io.cmlfleet.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .orShould().dependOnClassesThat().resideInAnyPackage(HTTP_AND_CLOUD_LIBRARIES)
            .because("the domain reads like the business and must run without Spring, AWS or HTTP");

    @ArchTest
    static final ArchRule domainDependsOnNoOuterLayer = noClasses()
            .that().resideInAPackage("io.cmlfleet.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.cmlfleet.application..", "io.cmlfleet.adapters..", "io.cmlfleet.bootstrap..");

    @ArchTest
    static final ArchRule applicationImportsNoAdapter = noClasses()
            .that().resideInAPackage("io.cmlfleet.application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cmlfleet.adapters..", "io.cmlfleet.bootstrap..")
            .orShould().dependOnClassesThat().resideInAnyPackage(HTTP_AND_CLOUD_LIBRARIES)
            .because("the application talks to the outside world only through its ports");

    @ArchTest
    static final ArchRule awsAdapterKnowsNeitherTheCmlAdapterNorTheBootstrap = noClasses()
            .that().resideInAPackage("io.cmlfleet.adapters.aws..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cmlfleet.adapters.cml..", "io.cmlfleet.bootstrap..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule cmlAdapterKnowsNeitherTheAwsAdapterNorTheBootstrap = noClasses()
            .that().resideInAPackage("io.cmlfleet.adapters.cml..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cmlfleet.adapters.aws..", "io.cmlfleet.bootstrap..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theSimulatorIsAFakeOutsideWorldAndKnowsNoCmlfleetCode = noClasses()
            .that().resideInAPackage("io.cmlfleet.simulator..")
            .should().dependOnClassesThat().resideInAnyPackage("io.cmlfleet.domain..", "io.cmlfleet.application..",
                    "io.cmlfleet.adapters..", "io.cmlfleet.bootstrap..")
            .because("it stands for AWS and CML: only their wire formats connect it to cmlfleet");

    @ArchTest
    static final ArchRule onlyTheBootstrapKnowsTheSimulator = noClasses()
            .that().resideInAnyPackage("io.cmlfleet.domain..", "io.cmlfleet.application..", "io.cmlfleet.adapters..")
            .should().dependOnClassesThat().resideInAPackage("io.cmlfleet.simulator..");

    @ArchTest
    static final ArchRule theStarterBringsNoWebServerNoSecurityAndNoService = noClasses()
            .that().resideInAnyPackage(STARTER)
            .should().dependOnClassesThat().resideInAnyPackage(HTTP)
            .orShould().dependOnClassesThat().resideInAnyPackage(SERVICE)
            .orShould().dependOnClassesThat().resideInAnyPackage(WEB_AND_SECURITY)
            .because("a host embeds the library without getting an HTTP API, a security chain or the simulator");

    @ArchTest
    static final ArchRule theHttpStarterDoesNotKnowTheService = noClasses()
            .that().resideInAPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE)
            .orShould().dependOnClassesThat().resideInAPackage("io.cmlfleet.simulator..");
}
