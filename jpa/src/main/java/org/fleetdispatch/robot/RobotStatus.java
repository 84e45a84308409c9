package org.fleetdispatch.robot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** What the robot last told us about itself. Replaced as a whole by {@link Robot#reportState}. */
@Embeddable
public class RobotStatus {

    @Column(name = "online", nullable = false)
    private boolean online;

    @Column(name = "battery_level", nullable = false)
    private double batteryLevel;

    @Embedded
    private Pose2D pose;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private RobotState state;

    protected RobotStatus() {
        // for JPA
    }

    public RobotStatus(boolean online, double batteryLevel, Pose2D pose, RobotState state) {
        this.online = online;
        this.batteryLevel = batteryLevel;
        this.pose = pose;
        this.state = state;
    }

    static RobotStatus unknown() {
        return new RobotStatus(false, 0, Pose2D.origin(), RobotState.IDLE);
    }

    public boolean online() {
        return online;
    }

    public double batteryLevel() {
        return batteryLevel;
    }

    public Pose2D pose() {
        return pose == null ? Pose2D.origin() : pose;
    }

    public RobotState state() {
        return state;
    }
}
