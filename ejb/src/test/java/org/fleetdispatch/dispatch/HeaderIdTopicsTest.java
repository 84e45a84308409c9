package org.fleetdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.vda5050.Topic;
import org.junit.jupiter.api.Test;

/** {@link RobotMessages} counts headerIds in the robot's row, which knows the server's topics by their levels. */
class HeaderIdTopicsTest {

    @Test
    void everyTopicTheServerPublishesOnIsCountedInTheRobotsRow() {
        Robot robot = Robot.register("agv-1", null, null, Instant.parse("2026-11-23T12:00:00Z"));
        Topic[] published = Arrays.stream(Topic.values())
                .filter(t -> t.direction() == Topic.Direction.MASTER_TO_AGV).toArray(Topic[]::new);

        assertThat(published).isNotEmpty();
        for (Topic topic : published) {
            assertThat(robot.nextHeaderId(topic.level())).as(topic.level()).isZero();
            assertThat(robot.nextHeaderId(topic.level())).as(topic.level()).isEqualTo(1);
        }
    }
}
