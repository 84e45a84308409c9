package org.fleetdispatch.vda5050;

/** The AGV's connection to the broker (section 6.14). */
public enum ConnectionState {
    /** The connection between AGV and broker is active. */
    ONLINE,
    /** The connection went offline in a coordinated way. */
    OFFLINE,
    /** The connection ended unexpectedly (the last will). */
    CONNECTIONBROKEN
}
