package org.fleetdispatch.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a simulator run can be told. Build with {@link #builder()}; every setting has a default.
 *
 * @param brokerUri          MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param robots             how many robots
 * @param interfaceName      first topic level (default uagv)
 * @param manufacturer       manufacturer of every robot (default RobotCompany)
 * @param serialPrefix       serial numbers are this prefix and a 3-digit index: agv-001, agv-002, …
 * @param firstIndex         index of the first robot (default 1)
 * @param speed              linear speed in m/s
 * @param angularSpeed       turning speed in rad/s
 * @param statePeriod        how often each robot publishes its state (and advances its simulation)
 * @param failurePeriod      every N-th new order fails with a FATAL error on its last base node; 0 = never
 * @param defaultActionDuration how long an action runs when its type has no duration of its own
 * @param actionDurations    duration per action type
 * @param failingActions     action types that always end FAILED
 * @param initialPose        where robot 1 starts; robot i starts {@code spacing} metres further along x
 * @param spacing            distance in x between consecutive robots' start positions
 * @param battery            initial state of charge in percent
 * @param batteryDrainPerMetre percent of charge used per metre driven
 * @param chargeRatePerSecond percent of charge gained per second while charging
 * @param positionTolerance  how far (m) the first node of a new order may be from the robot when the node itself
 *                           allows no deviation
 * @param keepAlive          MQTT keep-alive (the specification suggests about 15 s, section 6.14)
 * @param connectTimeout     how long {@link Simulator#start} waits for all robots to connect
 * @param checkOwnMessages   whether every message a robot sends is checked against its schema first (the
 *                           default). Off for load tests: the checks cost the simulated robots most of their
 *                           CPU, and the server checks every message it receives anyway.
 */
public record SimulatorConfig(String brokerUri, int robots, String interfaceName, String manufacturer,
                              String serialPrefix, int firstIndex, double speed, double angularSpeed,
                              Duration statePeriod, int failurePeriod, Duration defaultActionDuration,
                              Map<String, Duration> actionDurations, Set<String> failingActions, Pose initialPose,
                              double spacing, double battery, double batteryDrainPerMetre,
                              double chargeRatePerSecond, double positionTolerance, Duration keepAlive,
                              Duration connectTimeout, boolean checkOwnMessages) {

    public SimulatorConfig {
        Objects.requireNonNull(brokerUri, "brokerUri");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(serialPrefix, "serialPrefix");
        Objects.requireNonNull(initialPose, "initialPose");
        actionDurations = Map.copyOf(actionDurations);
        failingActions = Set.copyOf(failingActions);
        require(robots >= 0, "robots must be ≥ 0");
        require(firstIndex >= 0, "firstIndex must be ≥ 0");
        require(speed > 0, "speed must be > 0 m/s");
        require(angularSpeed > 0, "angularSpeed must be > 0 rad/s");
        require(statePeriod.toNanos() >= 1_000_000, "statePeriod must be ≥ 1 ms");
        require(failurePeriod >= 0, "failurePeriod must be ≥ 0 (0 = never)");
        require(!defaultActionDuration.isNegative(), "defaultActionDuration must be ≥ 0");
        actionDurations.forEach((type, d) -> require(!d.isNegative(), "duration of " + type + " must be ≥ 0"));
        require(battery >= 0 && battery <= 100, "battery must be within [0, 100] %");
        require(batteryDrainPerMetre >= 0, "batteryDrainPerMetre must be ≥ 0");
        require(chargeRatePerSecond >= 0, "chargeRatePerSecond must be ≥ 0");
        require(positionTolerance >= 0, "positionTolerance must be ≥ 0");
        require(keepAlive.toSeconds() >= 1, "keepAlive must be ≥ 1 s");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** The serial number of the i-th robot (0-based): prefix and a zero-padded index, e.g. agv-001. */
    public String serialNumber(int i) {
        return serialPrefix + String.format(java.util.Locale.ROOT, "%03d", firstIndex + i);
    }

    /** How long an action of this type runs. */
    public Duration actionDuration(String actionType) {
        return actionDurations.getOrDefault(actionType, defaultActionDuration);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with the defaults of the command line. */
    public static final class Builder {
        private String brokerUri = "tcp://127.0.0.1:1883";
        private int robots = 1;
        private String interfaceName = "uagv";
        private String manufacturer = "RobotCompany";
        private String serialPrefix = "agv-";
        private int firstIndex = 1;
        private double speed = 1.0;
        private double angularSpeed = 1.0;
        private Duration statePeriod = Duration.ofSeconds(1);
        private int failurePeriod;
        private Duration defaultActionDuration = Duration.ofSeconds(1);
        private Map<String, Duration> actionDurations = Map.of();
        private Set<String> failingActions = Set.of();
        private Pose initialPose = new Pose(0, 0, 0, "map");
        private double spacing;
        private double battery = 100;
        private double batteryDrainPerMetre = 0.05;
        private double chargeRatePerSecond = 1.0;
        private double positionTolerance = 0.25;
        private Duration keepAlive = Duration.ofSeconds(15);
        private Duration connectTimeout = Duration.ofSeconds(30);
        private boolean checkOwnMessages = true;

        public Builder brokerUri(String v) {
            brokerUri = v;
            return this;
        }

        public Builder robots(int v) {
            robots = v;
            return this;
        }

        public Builder interfaceName(String v) {
            interfaceName = v;
            return this;
        }

        public Builder manufacturer(String v) {
            manufacturer = v;
            return this;
        }

        public Builder serialPrefix(String v) {
            serialPrefix = v;
            return this;
        }

        public Builder firstIndex(int v) {
            firstIndex = v;
            return this;
        }

        public Builder speed(double metresPerSecond) {
            speed = metresPerSecond;
            return this;
        }

        public Builder angularSpeed(double radiansPerSecond) {
            angularSpeed = radiansPerSecond;
            return this;
        }

        public Builder statePeriod(Duration v) {
            statePeriod = v;
            return this;
        }

        public Builder failurePeriod(int v) {
            failurePeriod = v;
            return this;
        }

        public Builder defaultActionDuration(Duration v) {
            defaultActionDuration = v;
            return this;
        }

        public Builder actionDurations(Map<String, Duration> v) {
            actionDurations = v;
            return this;
        }

        public Builder failingActions(Set<String> v) {
            failingActions = v;
            return this;
        }

        public Builder initialPose(Pose v) {
            initialPose = v;
            return this;
        }

        public Builder spacing(double metres) {
            spacing = metres;
            return this;
        }

        public Builder battery(double percent) {
            battery = percent;
            return this;
        }

        public Builder batteryDrainPerMetre(double percent) {
            batteryDrainPerMetre = percent;
            return this;
        }

        public Builder chargeRatePerSecond(double percent) {
            chargeRatePerSecond = percent;
            return this;
        }

        public Builder positionTolerance(double metres) {
            positionTolerance = metres;
            return this;
        }

        public Builder keepAlive(Duration v) {
            keepAlive = v;
            return this;
        }

        public Builder connectTimeout(Duration v) {
            connectTimeout = v;
            return this;
        }

        public Builder checkOwnMessages(boolean v) {
            checkOwnMessages = v;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(brokerUri, robots, interfaceName, manufacturer, serialPrefix, firstIndex,
                    speed, angularSpeed, statePeriod, failurePeriod, defaultActionDuration, actionDurations,
                    failingActions, initialPose, spacing, battery, batteryDrainPerMetre, chargeRatePerSecond,
                    positionTolerance, keepAlive, connectTimeout, checkOwnMessages);
        }
    }
}
