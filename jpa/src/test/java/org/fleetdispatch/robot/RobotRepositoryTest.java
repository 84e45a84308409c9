package org.fleetdispatch.robot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fleetdispatch.persistence.PostgresTest;
import org.junit.jupiter.api.Test;

class RobotRepositoryTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void aBatchLockSkipsRobotsAnotherTransactionHolds() {
        inTransaction(em -> {
            RobotRepository robots = new RobotRepository(em);
            for (String name : List.of("batch-1", "batch-2", "batch-3")) {
                robots.add(Robot.register(name, null, null, T0));
            }
        });
        EntityManager holder = factory.createEntityManager();
        try {
            holder.getTransaction().begin();
            assertThat(new RobotRepository(holder).lock("batch-2")).isPresent();

            List<String> locked = fetch(em -> new RobotRepository(em)
                    .lockUnlessBusy(List.of("batch-3", "batch-2", "batch-1", "batch-none"))
                    .stream().map(Robot::name).toList());

            assertThat(locked).containsExactly("batch-1", "batch-3");
        } finally {
            holder.getTransaction().rollback();
            holder.close();
        }
    }

    @Test
    void aRobotIsLockedByItsIdentityInOneGo() {
        inTransaction(em -> new RobotRepository(em).add(Robot.register("ident-1", "acme", null, T0)));
        EntityManager holder = factory.createEntityManager();
        try {
            holder.getTransaction().begin();
            RobotRepository robots = new RobotRepository(holder);
            assertThat(robots.lockByIdentity("other", "ident-1")).isEmpty();
            assertThat(robots.lockByIdentity("acme", "ident-1")).map(Robot::name).contains("ident-1");

            List<String> free = fetch(em -> new RobotRepository(em).lockUnlessBusy(List.of("ident-1")).stream()
                    .map(Robot::name).toList());

            assertThat(free).isEmpty(); // held by the transaction that locked it by identity
            Optional<String> name = fetch(em -> new RobotRepository(em).nameByIdentity("acme", "ident-1"));
            assertThat(name).as("read without a lock").contains("ident-1");
            Optional<String> none = fetch(em -> new RobotRepository(em).nameByIdentity("other", "ident-1"));
            assertThat(none).isEmpty();
        } finally {
            holder.getTransaction().rollback();
            holder.close();
        }
    }

    @Test
    void theSweepsQueryOnlyTheRobotsTheyActOn() {
        inTransaction(em -> {
            RobotRepository robots = new RobotRepository(em);
            Robot answered = Robot.register("sweep-answered", null, null, T0);
            answered.factsheetReceived("FORKLIFT", 1.0, "fork", null, "{}", T0);
            robots.add(answered);
            robots.add(Robot.register("sweep-no-factsheet", null, null, T0));
            Robot teleop = Robot.register("sweep-teleop", null, null,
                    new RobotSpec(List.of(), null, null, true), null, T0);
            teleop.factsheetReceived("FORKLIFT", 1.0, "fork", null, "{}", T0);
            robots.add(teleop);
            Robot leaving = Robot.register("sweep-leaving", null, null, T0);
            leaving.factsheetReceived("FORKLIFT", 1.0, "fork", null, "{}", T0);
            leaving.markPendingDelete(null);
            robots.add(leaving);
        });
        List<String> awaiting = fetch(em -> new RobotRepository(em).awaitingInstantActions().stream()
                .map(Robot::name).filter(n -> n.startsWith("sweep-")).toList());
        assertThat(awaiting).containsExactly("sweep-no-factsheet", "sweep-teleop");
        List<String> pending = fetch(em -> new RobotRepository(em).pendingDelete().stream()
                .map(Robot::name).filter(n -> n.startsWith("sweep-")).toList());
        assertThat(pending).containsExactly("sweep-leaving");
    }

    @Test
    void headerIdsAreKeptInTheRobotsRowAndOutliveItsDeletion() {
        inTransaction(em -> {
            Robot robot = Robot.register("counted-1", null, null, T0);
            new RobotRepository(em).add(robot);
            robot.nextHeaderId(Robot.ORDER_TOPIC);
            robot.nextHeaderId(Robot.ORDER_TOPIC);
            robot.nextHeaderId(Robot.INSTANT_ACTIONS_TOPIC);
        });
        long next = fetch(em -> new RobotRepository(em).lock("counted-1").orElseThrow().nextHeaderId(Robot.ORDER_TOPIC));
        assertThat(next).as("counted on from the stored row").isEqualTo(2);

        inTransaction(em -> {
            RobotRepository robots = new RobotRepository(em);
            robots.remove(robots.lock("counted-1").orElseThrow());
        });
        Robot again = fetch(em -> {
            Robot robot = Robot.register("counted-1", null, null, T0);
            new RobotRepository(em).add(robot);
            return robot;
        });
        assertThat(again.nextHeaderId(Robot.ORDER_TOPIC)).as("registered again under the same name").isEqualTo(3);
        assertThat(again.nextHeaderId(Robot.INSTANT_ACTIONS_TOPIC)).isEqualTo(1);
        Robot other = fetch(em -> {
            Robot robot = Robot.register("other-1", null, null, T0);
            new RobotRepository(em).add(robot);
            return robot;
        });
        assertThat(other.nextHeaderId(Robot.ORDER_TOPIC)).as("a robot of another name").isZero();
    }

    @Test
    void aBatchLockOfNoRobotsAsksNothing() {
        List<Robot> none = fetch(em -> new RobotRepository(em).lockUnlessBusy(List.of()));
        assertThat(none).isEmpty();
    }
}
