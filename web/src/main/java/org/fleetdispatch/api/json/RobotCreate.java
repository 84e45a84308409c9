package org.fleetdispatch.api.json;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fleetdispatch.dispatch.RobotRegistration;

/** The body of {@code POST /robot}: the spec, and name or prefix (or neither, for a random name). */
@Schema(name = "RobotCreate", description = "A robot to manage. Give name or prefix, not both; neither gives a random name.")
public record RobotCreate(
        @Schema(description = "The robot's VDA 5050 serialNumber; letters, digits and _ . : -") String name,
        @Schema(description = "Name the robot <prefix>-<random id>") String prefix,
        @Schema(defaultValue = "RobotCompany") String manufacturer,
        @Schema(defaultValue = "uagv") String interfaceName,
        List<String> labels,
        RobotJson.BatteryJson battery,
        @Schema(description = "Seconds", defaultValue = "30") Double heartbeatTimeout,
        @Schema(defaultValue = "false") Boolean switchTeleop) {

    public RobotRegistration toRegistration() {
        Names.check("name", name);
        Names.check("prefix", prefix);
        return new RobotRegistration(name, prefix, manufacturer, interfaceName,
                RobotSpecJson.toSpec(labels, battery, heartbeatTimeout, switchTeleop));
    }
}
