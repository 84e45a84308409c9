package org.fleetdispatch.api.json;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fleetdispatch.robot.RobotSpec;

/**
 * The body of {@code PUT /robot/{name}}: a whole new spec, as in Isaac Mission Dispatch — a field left
 * out takes its default. Name, identity and status cannot be changed.
 */
@Schema(name = "RobotUpdate", description = "A robot's new spec; fields left out take their defaults")
public record RobotUpdate(
        List<String> labels,
        RobotJson.BatteryJson battery,
        @Schema(description = "Seconds", defaultValue = "30") Double heartbeatTimeout,
        @Schema(defaultValue = "false") Boolean switchTeleop) {

    public RobotSpec toSpec() {
        return RobotSpecJson.toSpec(labels, battery, heartbeatTimeout, switchTeleop);
    }
}
