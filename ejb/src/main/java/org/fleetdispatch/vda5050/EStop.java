package org.fleetdispatch.vda5050;

/** Acknowledge type of an activated emergency stop, or NONE (section 6.10.6, safetyState). */
public enum EStop {
    AUTOACK, MANUAL, REMOTE, NONE
}
