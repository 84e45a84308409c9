package org.fleetdispatch.vda5050;

import java.util.Objects;

/** Safety information (section 6.10.6, "safetyState"). */
public record SafetyState(EStop eStop, boolean fieldViolation) {

    public static final SafetyState NORMAL = new SafetyState(EStop.NONE, false);

    public SafetyState {
        Objects.requireNonNull(eStop, "eStop");
    }
}
