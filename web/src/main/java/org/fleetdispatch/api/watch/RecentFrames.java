package org.fleetdispatch.api.watch;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last frame broadcast per object, as a 64-bit hash, so that a change that renders exactly as the
 * previous one (a robot's heartbeat refreshing only what the API does not show) is not sent again.
 *
 * <p>A frame may be skipped only when every current watcher was there when the equal frame went out:
 * opening a watcher starts a new epoch, and entries of an older epoch never match. Bounded (least
 * recently changed objects are forgotten, which only costs a repeated line). Used by the feed's thread
 * only, except {@link #newEpoch()}.
 */
final class RecentFrames {

    private static final int MAX_ENTRIES = 100_000;

    private record Entry(long hash, long epoch) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final AtomicLong epoch = new AtomicLong();

    /** A watcher opened: nothing broadcast before now may be skipped for it. */
    void newEpoch() {
        epoch.incrementAndGet();
    }

    /** Whether this frame repeats what was last broadcast for the object in this epoch; records it if not. */
    boolean repeats(String name, String frame) {
        long hash = fnv1a64(frame);
        long now = epoch.get();
        Entry previous = entries.put(name, new Entry(hash, now));
        return previous != null && previous.epoch == now && previous.hash == hash;
    }

    void forget(String name) {
        entries.remove(name);
    }

    void clear() {
        entries.clear();
    }

    static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
