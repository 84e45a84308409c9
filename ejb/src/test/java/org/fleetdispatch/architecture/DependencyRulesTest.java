package org.fleetdispatch.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of DESIGN.md, checked on the compiled classes: web → ejb → jpa; ejb → keystore
 * and the adapter's API; keystore and the adapter depend on nothing of ours; the domain knows neither
 * messaging nor JSON nor HTTP.
 */
class DependencyRulesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.get();
    }

    @Test
    void theDomainKnowsNoMessagingNoVda5050AndNoServices() {
        noClasses().that().resideInAnyPackage("org.fleetdispatch.robot..", "org.fleetdispatch.mission..",
                        "org.fleetdispatch.outbox..", "org.fleetdispatch.persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fleetdispatch.dispatch..", "org.fleetdispatch.messaging..",
                        "org.fleetdispatch.vda5050..", "org.fleetdispatch.mqtt..", "org.fleetdispatch.api..", "org.fleetdispatch.platform..")
                .check(classes);
    }

    @Test
    void theApplicationUsesOnlyTheAdaptersApi() {
        noClasses().that().resideOutsideOfPackage("org.fleetdispatch.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fleetdispatch.mqtt.inbound..",
                        "org.fleetdispatch.mqtt.outbound..", "org.fleetdispatch.mqtt.internal..")
                .check(classes);
    }

    @Test
    void theAdapterAndTheKeystoreDependOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.fleetdispatch.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fleetdispatch.dispatch..", "org.fleetdispatch.robot..",
                        "org.fleetdispatch.mission..", "org.fleetdispatch.vda5050..", "org.fleetdispatch.keystore..")
                .check(classes);
        noClasses().that().resideInAPackage("org.fleetdispatch.keystore..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fleetdispatch.dispatch..", "org.fleetdispatch.robot..",
                        "org.fleetdispatch.mission..", "org.fleetdispatch.vda5050..", "org.fleetdispatch.mqtt..")
                .check(classes);
    }

    @Test
    void theVda5050ModelKnowsNothingOfTheDispatcher() {
        noClasses().that().resideInAPackage("org.fleetdispatch.vda5050..")
                .should().dependOnClassesThat().resideInAnyPackage("org.fleetdispatch.dispatch..", "org.fleetdispatch.messaging..",
                        "org.fleetdispatch.robot..", "org.fleetdispatch.mission..", "org.fleetdispatch.mqtt..")
                .check(classes);
    }

    @Test
    void servicesDoNotReachBackIntoMessageDrivenBeans() {
        noClasses().that().resideInAPackage("org.fleetdispatch.dispatch..")
                .should().dependOnClassesThat().resideInAPackage("org.fleetdispatch.messaging..")
                .check(classes);
    }
}
