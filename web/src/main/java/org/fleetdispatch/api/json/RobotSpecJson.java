package org.fleetdispatch.api.json;

import java.util.List;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.robot.RobotSpec;

/** The spec part shared by {@link RobotCreate} and {@link RobotUpdate}; a missing field takes its default. */
final class RobotSpecJson {

    private RobotSpecJson() {
    }

    /** @throws InvalidSpecException naming the field */
    static RobotSpec toSpec(List<String> labels, RobotJson.BatteryJson battery, Double heartbeatTimeout, Boolean switchTeleop) {
        try {
            return new RobotSpec(labels, battery == null ? null : battery.toSpec(),
                    Seconds.toDuration("heartbeat_timeout", heartbeatTimeout), Boolean.TRUE.equals(switchTeleop));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
    }
}
