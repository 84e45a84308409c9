package org.fleetdispatch.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Histogram;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.fleetdispatch.platform.Timers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the application clear of two races in the container, both seen on a fresh Payara Micro (ADR 0012).
 */
class ContainerRacesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.get();
    }

    /** Each new instance's injection points go into a map of Jersey's that every REST request iterates. */
    @Test
    void messageDrivenBeansHaveNoCdiInjectionPoints() {
        noCodeUnits().that().areDeclaredInClassesThat().areAnnotatedWith(MessageDriven.class)
                .should().beAnnotatedWith(Inject.class)
                .check(classes);
        noFields().that().areDeclaredInClassesThat().areAnnotatedWith(MessageDriven.class)
                .should().beAnnotatedWith(Inject.class)
                .check(classes);
    }

    /** Payara's timer constructor writes shared maps unguarded: timers are created one at a time, by {@link Timers}. */
    @Test
    void timersAreCreatedOneAtATime() {
        noFields().that().haveRawType(Timer.class).or().haveRawType(Histogram.class)
                .should().beAnnotatedWith(Metric.class)
                .check(classes);
        noClasses().that().doNotHaveFullyQualifiedName(Timers.class.getName())
                .should().callMethodWhere(target(name("timer")).and(target(owner(assignableTo(MetricRegistry.class)))))
                .orShould().callMethodWhere(target(name("histogram")).and(target(owner(assignableTo(MetricRegistry.class)))))
                .check(classes);
    }
}
