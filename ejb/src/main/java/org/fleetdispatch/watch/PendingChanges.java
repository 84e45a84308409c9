package org.fleetdispatch.watch;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Notifications that arrived since the last delivery, coalesced per object: a robot that changed ten
 * times before the feed got round to it is loaded once, as it is now. Who made the changes is kept
 * as the one publisher that made all of them, or nobody. Not thread-safe: the feed's thread owns it.
 */
final class PendingChanges {

    /** Per kind, object name → sole writer so far ({@code null}: not one publisher); in order of first arrival. */
    private final Map<Kind, LinkedHashMap<String, Writer>> pending = new EnumMap<>(Kind.class);

    private static final class Writer {
        private String sole;

        Writer(String publisherId) {
            this.sole = publisherId;
        }

        void also(String publisherId) {
            if (sole != null && !sole.equals(publisherId)) {
                sole = null;
            }
        }
    }

    /** A named object the feed must load, with who changed it. */
    record Pending(String name, String soleWriter) {
    }

    void add(Notification notification) {
        if (notification.name() == null) {
            return;
        }
        pending.computeIfAbsent(notification.kind(), k -> new LinkedHashMap<>())
                .merge(notification.name(), new Writer(notification.publisherId()), (had, added) -> {
                    had.also(notification.publisherId());
                    return had;
                });
    }

    boolean isEmpty() {
        return pending.values().stream().allMatch(Map::isEmpty);
    }

    int size() {
        return pending.values().stream().mapToInt(Map::size).sum();
    }

    /** Takes everything pending for a kind, in order of first arrival. */
    List<Pending> take(Kind kind) {
        LinkedHashMap<String, Writer> taken = pending.remove(kind);
        if (taken == null) {
            return List.of();
        }
        List<Pending> out = new ArrayList<>(taken.size());
        taken.forEach((name, writer) -> out.add(new Pending(name, writer.sole)));
        return out;
    }

    void clear() {
        pending.clear();
    }
}
