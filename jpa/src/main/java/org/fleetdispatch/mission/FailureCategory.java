package org.fleetdispatch.mission;

/** Why a mission did not complete (Isaac Mission Dispatch defines these but never sets them; we do). */
public enum FailureCategory {
    /** The robot reported a failure: a failed action, a FATAL error, a refused order. */
    ROBOT_APP,
    /** RUNNING longer than the mission's timeout. */
    TIMEOUT,
    /** Not done by the mission's deadline. */
    DEADLINE,
    /** Canceled by a user. */
    CANCELED
}
