package org.fleetdispatch.api;

import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotStatus;

/** A robot as the API shows it: spec fields, {@code name}, {@code status}, {@code lifecycle}. */
public record RobotJson(String name, String manufacturer, String interfaceName, StatusJson status, String lifecycle) {

    /** Fields a client may set when creating a robot; everything else is the robot's to report. */
    public record Spec(String name, String manufacturer, String interfaceName) {
    }

    public record StatusJson(boolean online, double batteryLevel, PoseJson pose, String state) {
    }

    public record PoseJson(double x, double y, double theta, String mapId) {
    }

    static RobotJson of(Robot robot) {
        RobotStatus s = robot.status();
        Pose2D p = s.pose();
        return new RobotJson(robot.name(), robot.manufacturer(), robot.interfaceName(),
                new StatusJson(s.online(), s.batteryLevel(), new PoseJson(p.x(), p.y(), p.theta(), p.mapId()),
                        s.state().name()),
                robot.lifecycle().name());
    }
}
