package org.fleetdispatch.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.fleetdispatch.robot.RobotReport;

/**
 * What this server instance last heard from each robot, so that a state message that changes nothing
 * but the pose and the battery costs no database round trip.
 *
 * <p>Robots publish state up to 10 times a second; the database sees a robot's status at most once per
 * flush (every second), plus immediately whenever the state says something the dispatcher must act on
 * (order progress, errors, operating mode, charging). Nothing here is needed by another instance: it
 * is a cache of what is, or soon will be, in PostgreSQL.
 */
@ApplicationScoped
public class RobotFeed {

    /** How long an unknown identity is remembered as unknown before the database is asked again. */
    private static final Duration FORGET_UNKNOWN = Duration.ofSeconds(5);

    /** One robot as this instance knows it. */
    public static final class Entry {
        private final String name;
        private final Instant known;
        private volatile String settledDigest;
        private final AtomicReference<RobotReport> pending = new AtomicReference<>();

        Entry(String name, Instant known) {
            this.name = name;
            this.known = known;
        }

        /** The robot's name, or {@code null} when no managed robot has this identity. */
        public String name() {
            return name;
        }

        /**
         * Takes a state report on the fast path when nothing the dispatcher acts on changed.
         *
         * @return whether it was taken; if not, the caller must take the slow path
         */
        public boolean offer(String digest, RobotReport report) {
            if (digest.equals(settledDigest)) {
                pending.set(report);
                return true;
            }
            return false;
        }

        /** The slow path committed this digest: equal states from now on take the fast path. */
        public void settled(String digest) {
            settledDigest = digest;
        }

        /** Forget what was settled, so that the next state takes the slow path (after a change elsewhere). */
        public void unsettle() {
            settledDigest = null;
        }

        RobotReport takePending() {
            return pending.getAndSet(null);
        }

        /** A report the flush could not write this time: kept for the next one unless a newer one came. */
        public void restore(RobotReport report) {
            pending.compareAndSet(null, report);
        }
    }

    /** A report waiting for the flush, and the entry to give it back to if it cannot be written now. */
    public record Pending(Entry entry, RobotReport report) {
        public String robot() {
            return entry.name();
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The entry for a robot identity, looking the name up (through {@code lookup}) the first time, and
     * again a few seconds after an identity turned out not to be a managed robot.
     */
    public Entry entry(String manufacturer, String serialNumber, Supplier<Optional<String>> lookup) {
        String key = manufacturer + "/" + serialNumber;
        Entry entry = entries.get(key);
        if (entry == null || (entry.name == null && entry.known.plus(FORGET_UNKNOWN).isBefore(Instant.now()))) {
            entry = new Entry(lookup.get().orElse(null), Instant.now());
            entries.put(key, entry);
        }
        return entry;
    }

    /** A robot was registered, renamed or deleted: look it up again next time. */
    public void forget(String manufacturer, String serialNumber) {
        entries.remove(manufacturer + "/" + serialNumber);
    }

    /** Forgets what was settled for a robot, e.g. after its mission changed through the API. */
    public void unsettle(String robotName) {
        entries.values().stream().filter(e -> robotName.equals(e.name)).forEach(Entry::unsettle);
    }

    /** The reports that arrived on the fast path since the last flush. */
    public List<Pending> drainPending() {
        List<Pending> drained = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.name != null) {
                RobotReport report = entry.takePending();
                if (report != null) {
                    drained.add(new Pending(entry, report));
                }
            }
        }
        return drained;
    }
}
