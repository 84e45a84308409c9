package org.fleetdispatch.keystore.permissions;

import java.util.Objects;

/**
 * The outcome of an access decision and what decided it, e.g.
 * {@code allow_rule #2 of grant "robot" (line 24): publish topic "state" partitions [acme/*]}.
 */
public record Decision(boolean allowed, String rule) {

    public Decision {
        Objects.requireNonNull(rule, "rule");
    }

    public static Decision allow(String rule) {
        return new Decision(true, rule);
    }

    public static Decision deny(String rule) {
        return new Decision(false, rule);
    }

    /** {@code ALLOW} or {@code DENY}. */
    public String verdict() {
        return allowed ? "ALLOW" : "DENY";
    }

    @Override
    public String toString() {
        return verdict() + ": " + rule;
    }
}
