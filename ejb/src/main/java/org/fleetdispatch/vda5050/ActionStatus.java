package org.fleetdispatch.vda5050;

/** The stage of an action's life cycle (section 6.11, Table 1). */
public enum ActionStatus {
    WAITING, INITIALIZING, RUNNING, PAUSED, FINISHED, FAILED;

    /** Whether the action has ended, successfully or not. */
    public boolean isTerminal() {
        return this == FINISHED || this == FAILED;
    }
}
