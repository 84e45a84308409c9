package org.fleetdispatch.robot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RobotTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void aNewRobotIsOfflineWithIsaacMissionDispatchDefaults() {
        Robot robot = Robot.register("agv-001", null, null, NOW);
        assertThat(robot.manufacturer()).isEqualTo("RobotCompany");
        assertThat(robot.interfaceName()).isEqualTo("uagv");
        assertThat(robot.status().online()).isFalse();
        assertThat(robot.status().state()).isEqualTo(RobotState.IDLE);
        assertThat(robot.lifecycle()).isEqualTo(Lifecycle.ALIVE);
    }

    @Test
    void aStateReportBringsItOnlineWithBatteryAndPose() {
        Robot robot = Robot.register("agv-001", "Acme", null, NOW);
        robot.reportState(87.5, new Pose2D(1.5, -2, 0.25, "floor-1"), NOW.plusSeconds(1));
        assertThat(robot.status().online()).isTrue();
        assertThat(robot.status().batteryLevel()).isEqualTo(87.5);
        assertThat(robot.status().pose()).isEqualTo(new Pose2D(1.5, -2, 0.25, "floor-1"));
        assertThat(robot.statusUpdatedAt()).isEqualTo(NOW.plusSeconds(1));
    }

    @Test
    void headerIdsCountFromZeroPerTopic() {
        Robot robot = Robot.register("agv-001", null, null, NOW);
        assertThat(robot.lastHeaderId(Robot.ORDER_TOPIC)).isNull();
        assertThat(robot.nextHeaderId(Robot.ORDER_TOPIC)).isZero();
        assertThat(robot.nextHeaderId(Robot.ORDER_TOPIC)).isEqualTo(1);
        assertThat(robot.nextHeaderId(Robot.INSTANT_ACTIONS_TOPIC)).isZero();
        assertThat(robot.nextHeaderId(Robot.ORDER_TOPIC)).isEqualTo(2);
        assertThat(robot.lastHeaderId(Robot.INSTANT_ACTIONS_TOPIC)).isZero();
        assertThatThrownBy(() -> robot.nextHeaderId("state"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("state");
    }

    @Test
    void namesThatCannotBeTopicLevelsAreRefusedWithTheField() {
        assertThatThrownBy(() -> Robot.register("agv/1", null, null, NOW))
                .hasMessageContaining("name 'agv/1'");
        assertThatThrownBy(() -> Robot.register("agv-1", "Ac+me", null, NOW))
                .hasMessageContaining("manufacturer 'Ac+me'");
        assertThatThrownBy(() -> Robot.register(" ", null, null, NOW))
                .hasMessage("name must not be empty");
    }

    @Test
    void aDelayedReportDoesNotUndoAnOfflineThatCameAfterIt() {
        Robot robot = Robot.register("agv-001", null, null, NOW);
        RobotReport early = new RobotReport(NOW.plusSeconds(1), 50, false, Pose2D.origin(), true, false, null, null, "RobotCompany", "agv-001");
        robot.connectionChanged(false, NOW.plusSeconds(2));
        assertThat(robot.reportIfNewer(early)).isFalse();
        assertThat(robot.status().online()).isFalse();
    }

    @Test
    void afterOfflineOnlyOnlineBringsTheRobotBack() {
        Robot robot = Robot.register("agv-001", null, null, NOW);
        robot.connectionChanged(true, NOW);
        robot.connectionChanged(false, NOW.plusSeconds(1));
        robot.report(report(NOW.plusSeconds(2)));
        assertThat(robot.status().online()).as("a state sent before OFFLINE, taken up after it").isFalse();
        robot.connectionChanged(true, NOW.plusSeconds(3));
        assertThat(robot.status().online()).isTrue();
        robot.report(report(NOW.plusSeconds(4)));
        assertThat(robot.status().online()).isTrue();
    }

    @Test
    void aSilentRobotComesBackWithItsNextState() {
        Robot robot = Robot.register("agv-001", null, null, NOW);
        robot.report(report(NOW));
        robot.heartbeatLost(NOW.plusSeconds(31));
        assertThat(robot.status().online()).isFalse();
        robot.report(report(NOW.plusSeconds(32)));
        assertThat(robot.status().online()).isTrue();
    }

    private static RobotReport report(Instant at) {
        return new RobotReport(at, 40, false, Pose2D.origin(), true, false, null, null, "RobotCompany", "agv-001");
    }

    @Test
    void anImpossibleBatteryChargeIsRefused() {
        Robot robot = Robot.register("agv-001", null, null, NOW);
        assertThatThrownBy(() -> robot.reportState(101, Pose2D.origin(), NOW))
                .hasMessage("batteryCharge must be 0..100, was 101.0");
    }
}
