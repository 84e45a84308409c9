package org.fleetdispatch.vda5050;

/** How an action may run alongside driving and other actions (section 6.12, Table 2). */
public enum BlockingType {
    /** May run in parallel with other actions and while the vehicle drives. */
    NONE,
    /** May run in parallel with other actions; the vehicle must not drive. */
    SOFT,
    /** Must not run in parallel with other actions; the vehicle must not drive. */
    HARD
}
