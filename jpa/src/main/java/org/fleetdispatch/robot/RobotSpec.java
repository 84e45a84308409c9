package org.fleetdispatch.robot;

import java.time.Duration;
import java.util.List;

/**
 * What an operator may set on a robot (Isaac Mission Dispatch's RobotSpecV1, plus nothing else: the
 * identity fields are fixed at registration).
 *
 * @param labels           free-form group names
 * @param battery          battery levels; {@code null} for the defaults
 * @param heartbeatTimeout how long without a message before the robot counts as offline; {@code null} for 30 s
 * @param switchTeleop     whether the robot should be in teleoperation
 */
public record RobotSpec(List<String> labels, BatterySpec battery, Duration heartbeatTimeout, boolean switchTeleop) {

    public static final Duration DEFAULT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

    public RobotSpec {
        labels = labels == null ? List.of() : List.copyOf(labels);
        battery = battery == null ? BatterySpec.defaults() : battery;
        heartbeatTimeout = heartbeatTimeout == null ? DEFAULT_HEARTBEAT_TIMEOUT : heartbeatTimeout;
        if (heartbeatTimeout.isNegative() || heartbeatTimeout.isZero()) {
            throw new IllegalArgumentException("heartbeat_timeout must be a positive number of seconds");
        }
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("labels must not contain empty labels");
            }
        }
    }

    public static RobotSpec defaults() {
        return new RobotSpec(null, null, null, false);
    }
}
