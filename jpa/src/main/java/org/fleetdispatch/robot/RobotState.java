package org.fleetdispatch.robot;

/** What a robot is doing, as Isaac Mission Dispatch reports it. */
public enum RobotState {
    IDLE,
    ON_TASK,
    CHARGING,
    MAP_DEPLOYMENT,
    TELEOP
}
