package org.fleetdispatch.vda5050;

/** Severity of an AGV error (section 6.10.5). */
public enum ErrorLevel {
    /** Self-resolving; the AGV is ready to drive without human intervention. */
    WARNING,
    /** The AGV is not in running condition; user intervention required. */
    FATAL
}
