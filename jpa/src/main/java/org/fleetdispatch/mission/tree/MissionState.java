package org.fleetdispatch.mission.tree;

/** State of a mission and of each of its nodes (Isaac Mission Dispatch uses one enum, MissionStateV1, for both). */
public enum MissionState {
    PENDING,
    RUNNING,
    COMPLETED,
    CANCELED,
    FAILED;

    public boolean isDone() {
        return this == COMPLETED || this == CANCELED || this == FAILED;
    }
}
