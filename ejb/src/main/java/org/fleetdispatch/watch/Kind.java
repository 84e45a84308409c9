package org.fleetdispatch.watch;

import java.util.Optional;

/** What changed: a robot or a mission, named as the tables (and the notifications) name them. */
public enum Kind {
    ROBOT("robot"),
    MISSION("mission");

    private final String table;

    Kind(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }

    static Optional<Kind> ofTable(String table) {
        for (Kind kind : values()) {
            if (kind.table.equals(table)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
