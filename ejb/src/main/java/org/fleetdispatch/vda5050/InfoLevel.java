package org.fleetdispatch.vda5050;

/** Level of an information message (section 6.10.6). */
public enum InfoLevel {
    DEBUG, INFO
}
