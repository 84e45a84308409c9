package org.fleetdispatch.vda5050;

/** How an edge's orientation is interpreted (section 6.7); TANGENTIAL when absent. */
public enum OrientationType {
    GLOBAL, TANGENTIAL
}
