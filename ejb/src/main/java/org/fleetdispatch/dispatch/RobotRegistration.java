package org.fleetdispatch.dispatch;

import org.fleetdispatch.robot.RobotSpec;

/**
 * A request to manage a robot.
 *
 * @param name          the robot's name (its VDA 5050 serialNumber), or {@code null}
 * @param prefix        to name it {@code <prefix>-<id>} instead; not together with {@code name}
 * @param manufacturer  {@code null} for {@code RobotCompany}
 * @param interfaceName {@code null} for {@code uagv}
 * @param spec          {@code null} for the defaults
 */
public record RobotRegistration(String name, String prefix, String manufacturer, String interfaceName, RobotSpec spec) {
}
