package org.fleetdispatch.bench.mission;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The part of a phase in which every robot of the fleet had a mission: from the start of the last robot's first
 * mission to the end of the first robot's last one. A phase's whole window also holds the fleet's start-up (every
 * robot connecting, sending its factsheet and its first state at the same moment, on a server whose code for that
 * is less compiled than the rest) and its tail; this part is what the server sustains while the whole fleet works.
 *
 * @param from              the last robot's first mission started
 * @param to                the first robot's last mission ended
 * @param missionsPerSecond missions done in the part: each mission counted by the share of it that lies inside
 * @param latency           the server's dispatch latencies between the readings of its metrics closest inside the
 *                          part, or {@code null} when fewer than two readings fell inside
 * @param orderWaits        the robots' waits for their next order that ended inside the part, microseconds
 */
record BusyFleet(Instant from, Instant to, double missionsPerSecond, Buckets latency, Histogram orderWaits) {

    /** A reading of the server's metrics and when it was taken. */
    record Reading(Instant at, Metrics metrics) {
    }

    /** One robot's wait for its next order, ended at {@code at}. */
    record OrderWait(Instant at, long micros) {
    }

    Duration length() {
        return Duration.between(from, to);
    }

    /**
     * @param readings the server's metrics read during the phase, in time order
     * @return empty when no moment had every robot working (a robot ended its queue before the last one began)
     */
    static Optional<BusyFleet> of(List<MissionLedger.Row> rows, List<Reading> readings, List<OrderWait> waits) {
        Map<String, Instant> firstStart = new HashMap<>();
        Map<String, Instant> lastEnd = new HashMap<>();
        for (MissionLedger.Row row : rows) {
            if (row.start() == null || row.end() == null) {
                return Optional.empty(); // a mission that never ran or never ended: the fleet was not all busy throughout
            }
            firstStart.merge(row.robot(), row.start(), (a, b) -> a.isBefore(b) ? a : b);
            lastEnd.merge(row.robot(), row.end(), (a, b) -> a.isAfter(b) ? a : b);
        }
        if (firstStart.isEmpty()) {
            return Optional.empty();
        }
        Instant from = firstStart.values().stream().max(Instant::compareTo).orElseThrow();
        Instant to = lastEnd.values().stream().min(Instant::compareTo).orElseThrow();
        if (!to.isAfter(from)) {
            return Optional.empty();
        }
        double done = 0;
        for (MissionLedger.Row row : rows) {
            done += share(row.start(), row.end(), from, to);
        }
        double seconds = Duration.between(from, to).toNanos() / 1e9;
        Histogram histogram = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        for (OrderWait w : waits) {
            if (!w.at().isBefore(from) && !w.at().isAfter(to)) {
                histogram.recordValue(Math.max(0, w.micros()));
            }
        }
        return Optional.of(new BusyFleet(from, to, done / seconds, latency(readings, from, to), histogram));
    }

    /** The part of [start, end] inside [from, to], as a share of the mission (1 for an instant mission inside). */
    static double share(Instant start, Instant end, Instant from, Instant to) {
        long whole = Duration.between(start, end).toNanos();
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        if (b.isBefore(a)) {
            return 0;
        }
        if (whole <= 0) {
            return 1;
        }
        return (double) Duration.between(a, b).toNanos() / whole;
    }

    private static Buckets latency(List<Reading> readings, Instant from, Instant to) {
        Reading first = null;
        Reading last = null;
        for (Reading r : readings) {
            if (r.at().isBefore(from) || r.at().isAfter(to)) {
                continue;
            }
            if (first == null) {
                first = r;
            }
            last = r;
        }
        if (first == null || first == last) {
            return null;
        }
        return Buckets.between(MissionBenchmark.latencyBuckets(first.metrics()), MissionBenchmark.latencyBuckets(last.metrics()));
    }
}
