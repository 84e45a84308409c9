package org.fleetdispatch.robot;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
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
    void aBatchLockOfNoRobotsAsksNothing() {
        List<Robot> none = fetch(em -> new RobotRepository(em).lockUnlessBusy(List.of()));
        assertThat(none).isEmpty();
    }
}
