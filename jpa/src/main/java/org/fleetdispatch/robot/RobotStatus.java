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
    private boolean online;

    /** The robot said OFFLINE, or the broker its last will, and no ONLINE came since. */
    @Column(name = "disconnected", nullable = false)
    private boolean disconnected;

    @Column(name = "battery_level", nullable = false)
    private double batteryLevel;

    @Column(name = "charging", nullable = false)
    private boolean charging;

    @Embedded
    private Pose2D pose;

    @Column(name = "position_initialized", nullable = false)
    private boolean positionInitialized;

    @Column(name = "manual_mode", nullable = false)
    private boolean manualMode;

    @Column(name = "on_task", nullable = false)
    private boolean onTask;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private RobotState state;

    @Column(name = "software_os")
    private String softwareOs;

    @Column(name = "software_app")
    private String softwareApp;

    @Column(name = "hardware_manufacturer")
    private String hardwareManufacturer;

    @Column(name = "hardware_serial_number")
    private String hardwareSerialNumber;

    @Column(name = "agv_class")
    private String agvClass;

    @Column(name = "speed_max")
    private Double speedMax;

    @Column(name = "robot_type")
    private String robotType;

    @Column(name = "factsheet")
    private String factsheet;

    @Convert(converter = JsonConverters.StringMap.class)
    @Column(name = "info_messages", nullable = false)
    private Map<String, String> infoMessages;

    @Convert(converter = JsonConverters.StringMap.class)
    @Column(name = "errors", nullable = false)
    private Map<String, String> errors;

    @Column(name = "last_seen")
    private Instant lastSeen;

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

    // Every change goes through a method of this class: EclipseLink's weaving tracks changes to an
    // embeddable's fields only when the embeddable's own code makes them.

    void report(RobotReport report) {
        // After OFFLINE or CONNECTIONBROKEN only ONLINE brings a robot back (VDA 5050 6.14): a state it sent
        // before saying goodbye, taken up after the connection message on another lane, must not.
        online = !disconnected;
        batteryLevel = report.batteryCharge();
        charging = report.charging();
        if (report.pose() != null) {
            pose = report.pose();
        }
        positionInitialized = report.positionInitialized();
        manualMode = report.manualMode();
        errors = new LinkedHashMap<>(report.errors());
        infoMessages = new LinkedHashMap<>(report.information());
        hardwareManufacturer = report.manufacturer();
        hardwareSerialNumber = report.serialNumber();
        lastSeen = report.receivedAt();
        deriveState();
    }

    void connection(boolean isOnline, Instant now) {
        online = isOnline;
        disconnected = !isOnline;
        if (isOnline) {
            lastSeen = now;
        }
    }

    void offline() {
        online = false;
    }

    void factsheet(String newAgvClass, Double newSpeedMax, String newRobotType, String newSoftwareApp, String json) {
        agvClass = newAgvClass;
        speedMax = newSpeedMax;
        robotType = newRobotType;
        softwareApp = newSoftwareApp;
        factsheet = json;
    }

    void onTask(boolean running) {
        onTask = running;
        deriveState();
    }

    /** The state follows from the rest: teleoperation wins, then charging, then a running mission. */
    private void deriveState() {
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
