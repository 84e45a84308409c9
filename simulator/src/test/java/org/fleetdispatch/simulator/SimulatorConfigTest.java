package org.fleetdispatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorConfigTest {

    @Test
    void defaults() {
        SimulatorConfig c = SimulatorConfig.builder().build();
        assertThat(c.brokerUri()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(c.interfaceName()).isEqualTo("uagv");
        assertThat(c.manufacturer()).isEqualTo("RobotCompany");
        assertThat(c.serialNumber(0)).isEqualTo("agv-001");
        assertThat(c.serialNumber(999)).isEqualTo("agv-1000");
        assertThat(c.statePeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.failurePeriod()).isZero();
        assertThat(c.keepAlive()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.checkOwnMessages()).isTrue();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> SimulatorConfig.builder().speed(0).build()).hasMessageContaining("speed");
        assertThatThrownBy(() -> SimulatorConfig.builder().battery(101).build()).hasMessageContaining("battery");
        assertThatThrownBy(() -> SimulatorConfig.builder().statePeriod(Duration.ofNanos(10)).build())
                .hasMessageContaining("statePeriod");
        assertThatThrownBy(() -> SimulatorConfig.builder().failurePeriod(-1).build())
                .hasMessageContaining("failurePeriod");
        assertThatThrownBy(() -> SimulatorConfig.builder().actionDurations(Map.of("pick", Duration.ofSeconds(-1)))
                .build()).hasMessageContaining("pick");
    }

    @Test
    void commandLineMapsToConfig() {
        SimulatorCommand command = new SimulatorCommand();
        new CommandLine(command).parseArgs("--robots", "50", "--broker", "tcp://127.0.0.1:1884", "--state-period",
                "0.01", "--failure-period", "3", "--speed", "2.5", "--angular-speed", "0.5", "--action-durations",
                "pick=2.5,drop=0", "--failing-actions", "explode,melt", "--x", "1", "--y", "-2", "--theta", "0.5",
                "--map-id", "floor-2", "--manufacturer", "ACME", "--serial-prefix", "bot-", "--interface", "vda",
                "--battery", "55", "--spacing", "3", "--no-self-check");
        SimulatorConfig c = command.config();
        assertThat(c.robots()).isEqualTo(50);
        assertThat(c.brokerUri()).isEqualTo("tcp://127.0.0.1:1884");
        assertThat(c.statePeriod()).isEqualTo(Duration.ofMillis(10));
        assertThat(c.failurePeriod()).isEqualTo(3);
        assertThat(c.speed()).isEqualTo(2.5);
        assertThat(c.angularSpeed()).isEqualTo(0.5);
        assertThat(c.actionDuration("pick")).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.actionDuration("drop")).isEqualTo(Duration.ZERO);
        assertThat(c.actionDuration("other")).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.failingActions()).isEqualTo(Set.of("explode", "melt"));
        assertThat(c.initialPose()).isEqualTo(new Pose(1, -2, 0.5, "floor-2"));
        assertThat(c.manufacturer()).isEqualTo("ACME");
        assertThat(c.serialNumber(49)).isEqualTo("bot-050");
        assertThat(c.interfaceName()).isEqualTo("vda");
        assertThat(c.battery()).isEqualTo(55);
        assertThat(c.spacing()).isEqualTo(3);
        assertThat(c.checkOwnMessages()).isFalse();
    }

    @Test
    void badCommandLineExitsWithUsageError() {
        assertThat(new CommandLine(new SimulatorCommand()).execute("--robots", "many")).isEqualTo(2);
        assertThat(new CommandLine(new SimulatorCommand()).execute("--speed", "-1")).isEqualTo(2);
    }

    @Test
    void unreachableBrokerExitsWithOne() {
        assertThat(new CommandLine(new SimulatorCommand()).execute("--broker", "tcp://127.0.0.1:1",
                "--connect-timeout", "2")).isEqualTo(1);
    }

    @Test
    void anglesAreNormalised() {
        assertThat(Math.abs(SimulatedRobot.normalize(3 * Math.PI))).isCloseTo(Math.PI, within(1e-12));
        assertThat(SimulatedRobot.normalize(-Math.PI / 2 - 2 * Math.PI)).isCloseTo(-Math.PI / 2, within(1e-12));
        assertThat(Math.abs(SimulatedRobot.normalize(7.0))).isLessThanOrEqualTo(Math.PI);
    }
}
