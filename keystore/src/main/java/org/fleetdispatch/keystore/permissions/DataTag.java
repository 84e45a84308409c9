package org.fleetdispatch.keystore.permissions;

import java.util.Objects;

/** A data tag (DDS-Security DataTagQosPolicy): name and value, compared exactly. */
public record DataTag(String name, String value) {

    public DataTag {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code name=value}. */
    public static DataTag parse(String nameEqualsValue) {
        int eq = nameEqualsValue.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("data tag \"" + nameEqualsValue + "\" is not name=value");
        }
        return new DataTag(nameEqualsValue.substring(0, eq), nameEqualsValue.substring(eq + 1));
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
