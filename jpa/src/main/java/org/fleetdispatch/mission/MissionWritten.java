package org.fleetdispatch.mission;

/**
 * CDI event: a transaction changed (or deleted) a mission. Fired by the code that changes it, so that
 * watchers on this server see every committed state of the mission, not only the latest one.
 *
 * @param mission the mission as this transaction leaves it
 * @param deleted whether the transaction deletes it
 */
public record MissionWritten(Mission mission, boolean deleted) {

    public static MissionWritten changed(Mission mission) {
        return new MissionWritten(mission, false);
    }

    public static MissionWritten deleted(Mission mission) {
        return new MissionWritten(mission, true);
    }
}
