package org.fleetdispatch.robot;

import java.time.Instant;
import java.util.Map;

/**
 * What one VDA 5050 {@code state} message says about the robot itself (as opposed to its order).
 *
 * @param receivedAt          when the server received it
 * @param batteryCharge       percent
 * @param charging            whether it is charging
 * @param pose                where it is, or {@code null} when it does not know
 * @param positionInitialized whether its localisation is initialised
 * @param manualMode          whether it is in a manual operating mode (teleoperation)
 * @param errors              error type → description (with level), as the robot reports them now
 * @param information         info type → description
 * @param manufacturer        the header's manufacturer: the robot's hardware identity
 * @param serialNumber        the header's serialNumber
 */
public record RobotReport(Instant receivedAt, double batteryCharge, boolean charging, Pose2D pose,
                          boolean positionInitialized, boolean manualMode, Map<String, String> errors,
                          Map<String, String> information, String manufacturer, String serialNumber) {

    public RobotReport {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        information = information == null ? Map.of() : Map.copyOf(information);
    }
}
