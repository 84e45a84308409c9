package org.fleetdispatch.robot;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fleetdispatch.persistence.JsonConverters;

/** What the robot last told us about itself, and what the dispatcher concluded (its state). */
@Embeddable
public class RobotStatus {

    @Column(name = "online", nullable = false)
    boolean online;

    @Column(name = "battery_level", nullable = false)
    double batteryLevel;

    @Column(name = "charging", nullable = false)
    boolean charging;

    @Embedded
    Pose2D pose;

    @Column(name = "position_initialized", nullable = false)
    boolean positionInitialized;

    @Column(name = "manual_mode", nullable = false)
    boolean manualMode;

    @Column(name = "on_task", nullable = false)
    boolean onTask;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    RobotState state;

    @Column(name = "software_os")
    String softwareOs;

    @Column(name = "software_app")
    String softwareApp;

    @Column(name = "hardware_manufacturer")
    String hardwareManufacturer;

    @Column(name = "hardware_serial_number")
    String hardwareSerialNumber;

    @Column(name = "agv_class")
    String agvClass;

    @Column(name = "speed_max")
    Double speedMax;

    @Column(name = "robot_type")
    String robotType;

    @Column(name = "factsheet")
    String factsheet;

    @Convert(converter = JsonConverters.StringMap.class)
    @Column(name = "info_messages", nullable = false)
    Map<String, String> infoMessages;

    @Convert(converter = JsonConverters.StringMap.class)
    @Column(name = "errors", nullable = false)
    Map<String, String> errors;

    @Column(name = "last_seen")
    Instant lastSeen;

    protected RobotStatus() {
        // for JPA
    }

    static RobotStatus unknown() {
        RobotStatus s = new RobotStatus();
        s.pose = Pose2D.origin();
        s.state = RobotState.IDLE;
        s.infoMessages = new LinkedHashMap<>();
        s.errors = new LinkedHashMap<>();
        return s;
    }

    /** The state follows from the rest: teleoperation wins, then charging, then a running mission. */
    void deriveState() {
        state = manualMode ? RobotState.TELEOP
                : charging ? RobotState.CHARGING
                : onTask ? RobotState.ON_TASK
                : RobotState.IDLE;
    }

    public boolean online() {
        return online;
    }

    public double batteryLevel() {
        return batteryLevel;
    }

    public boolean charging() {
        return charging;
    }

    public Pose2D pose() {
        return pose == null ? Pose2D.origin() : pose;
    }

    public boolean positionInitialized() {
        return positionInitialized;
    }

    public boolean manualMode() {
        return manualMode;
    }

    public boolean onTask() {
        return onTask;
    }

    public RobotState state() {
        return state;
    }

    public String softwareOs() {
        return softwareOs;
    }

    public String softwareApp() {
        return softwareApp;
    }

    public String hardwareManufacturer() {
        return hardwareManufacturer;
    }

    public String hardwareSerialNumber() {
        return hardwareSerialNumber;
    }

    public String agvClass() {
        return agvClass;
    }

    public Double speedMax() {
        return speedMax;
    }

    public String robotType() {
        return robotType;
    }

    /** The robot's last VDA 5050 factsheet as JSON, or {@code null}. */
    public String factsheet() {
        return factsheet;
    }

    public Map<String, String> infoMessages() {
        return Collections.unmodifiableMap(infoMessages);
    }

    public Map<String, String> errors() {
        return Collections.unmodifiableMap(errors);
    }

    public Instant lastSeen() {
        return lastSeen;
    }
}
