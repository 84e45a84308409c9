package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.Objects;

/** Immutable copies of list components. */
final class Lists {

    private Lists() {
    }

    /** An unmodifiable copy of a required list; fails with the field's name when it is missing. */
    static <T> List<T> required(List<T> list, String field) {
        return List.copyOf(Objects.requireNonNull(list, field));
    }

    /** An unmodifiable copy of an optional list, or {@code null} when absent. */
    static <T> List<T> optional(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }
}
