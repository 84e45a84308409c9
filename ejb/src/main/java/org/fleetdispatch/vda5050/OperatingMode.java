package org.fleetdispatch.vda5050;

/** The AGV's operating mode (section 6.10.6, "Operating Mode Description"). */
public enum OperatingMode {
    AUTOMATIC, SEMIAUTOMATIC, MANUAL, SERVICE, TEACHIN
}
