package org.fleetdispatch.robot;

/** Lifecycle of an API object, as Isaac Mission Dispatch names it. */
public enum Lifecycle {
    ALIVE,
    PENDING_DELETE,
    DELETED
}
