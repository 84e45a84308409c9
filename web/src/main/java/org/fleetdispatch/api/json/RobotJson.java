package org.fleetdispatch.api.json;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fleetdispatch.robot.BatterySpec;
import org.fleetdispatch.robot.Lifecycle;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotSpec;
import org.fleetdispatch.robot.RobotState;
import org.fleetdispatch.robot.RobotStatus;

/**
 * A robot as the API shows it: Isaac Mission Dispatch's RobotObjectV1 (spec fields, {@code name},
 * {@code status}, {@code lifecycle}) plus our identity fields {@code manufacturer} and
 * {@code interface_name}.
 */
@Schema(name = "Robot", description = "A robot: its spec, its status as it reports it, and its lifecycle")
public record RobotJson(
        @Schema(description = "Unique name; the robot's VDA 5050 serialNumber") String name,
        @Schema(description = "Free-form labels that group robots") List<String> labels,
        BatteryJson battery,
        @Schema(description = "Seconds without a message after which the robot counts as offline", defaultValue = "30")
        double heartbeatTimeout,
        @Schema(description = "Whether the robot should be in teleoperation") boolean switchTeleop,
        @Schema(description = "VDA 5050 manufacturer (a topic level)", defaultValue = "RobotCompany") String manufacturer,
        @Schema(description = "VDA 5050 interface name (the first topic level)", defaultValue = "uagv") String interfaceName,
        RobotStatusJson status,
        Lifecycle lifecycle) {

    /** What the robot reports, and what the dispatcher concludes from it ({@code state}). */
    @Schema(name = "RobotStatus")
    public record RobotStatusJson(
            PoseJson pose,
            boolean positionInitialized,
            SoftwareVersionJson softwareVersion,
            HardwareVersionJson hardwareVersion,
            FactsheetJson factsheet,
            boolean online,
            @Schema(description = "Percent") double batteryLevel,
            RobotState state,
            Map<String, String> infoMessages,
            Map<String, String> errors) {
    }

    @Schema(name = "RobotPose", description = "Metres and radians on the map map_id")
    public record PoseJson(double x, double y, double theta, String mapId) {
    }

    @Schema(name = "SoftwareVersion")
    public record SoftwareVersionJson(String os, String app) {
    }

    @Schema(name = "HardwareVersion")
    public record HardwareVersionJson(String manufacturer, String serialNumber) {
    }

    @Schema(name = "Factsheet", description = "From the robot's VDA 5050 factsheet; null until it sent one")
    public record FactsheetJson(String agvClass, Double speedMax) {
    }

    public static RobotJson of(Robot robot) {
        RobotStatus s = robot.status();
        Pose2D p = s.pose();
        return new RobotJson(robot.name(), robot.labels(), BatteryJson.of(robot.battery()),
                Seconds.of(robot.heartbeatTimeout()), robot.switchTeleop(), robot.manufacturer(), robot.interfaceName(),
                new RobotStatusJson(new PoseJson(p.x(), p.y(), p.theta(), p.mapId()), s.positionInitialized(),
                        new SoftwareVersionJson(orEmpty(s.softwareOs()), orEmpty(s.softwareApp())),
                        new HardwareVersionJson(orEmpty(s.hardwareManufacturer()), orEmpty(s.hardwareSerialNumber())),
                        new FactsheetJson(s.agvClass(), s.speedMax()),
                        s.online(), s.batteryLevel(), s.state(), s.infoMessages(), s.errors()),
                robot.lifecycle());
    }

    /**
     * What a watch stream shows for a robot that is gone: its name, lifecycle DELETED, and the defaults
     * of everything else (as Isaac Mission Dispatch sends it, so that clients validating each line keep
     * working). Only name and lifecycle mean anything.
     */
    public static RobotJson deleted(String name) {
        RobotSpec spec = RobotSpec.defaults();
        return new RobotJson(name, spec.labels(), BatteryJson.of(spec.battery()), Seconds.of(spec.heartbeatTimeout()),
                spec.switchTeleop(), Robot.DEFAULT_MANUFACTURER, Robot.DEFAULT_INTERFACE_NAME,
                new RobotStatusJson(new PoseJson(0, 0, 0, ""), false, new SoftwareVersionJson("", ""),
                        new HardwareVersionJson("", ""), new FactsheetJson(null, null), false, 0, RobotState.IDLE,
                        Map.of(), Map.of()),
                Lifecycle.DELETED);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Battery levels in percent (RobotBatterySpecV1). */
    @Schema(name = "BatterySpec")
    public record BatteryJson(
            @Schema(description = "Percent", defaultValue = "10") Double criticalLevel,
            @Schema(description = "Percent, or null") Double recommendedMinimum,
            @Schema(description = "Percent, or null") Double recommendedMaximum) {

        static BatteryJson of(BatterySpec battery) {
            return new BatteryJson(battery.criticalLevel(), battery.recommendedMinimum(), battery.recommendedMaximum());
        }

        /** @throws IllegalArgumentException naming the field */
        BatterySpec toSpec() {
            return new BatterySpec(criticalLevel, recommendedMinimum, recommendedMaximum);
        }
    }
}
