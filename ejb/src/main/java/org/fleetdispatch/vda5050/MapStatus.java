package org.fleetdispatch.vda5050;

/** Whether a map on the AGV is in use (VDA 5050 2.1, state.maps). */
public enum MapStatus {
    ENABLED, DISABLED
}
