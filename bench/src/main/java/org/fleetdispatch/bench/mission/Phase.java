package org.fleetdispatch.bench.mission;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one phase of a case measured: a fleet of {@code robots} robots each working through a queue of
 * missions until all ended or the deadline passed.
 *
 * @param robots            robots in the phase
 * @param fleetStart        from starting the simulated robots to all of them ready for missions (online, position
 *                          known, factsheet stored), or {@code null} when the missions were queued before the robots
 *                          started
 * @param missions          missions submitted
 * @param completed         missions COMPLETED
 * @param failed            missions FAILED or CANCELED
 * @param window            first mission start to last mission end, by the server's timestamps
 * @param durations         start to end of every finished mission, microseconds (HdrHistogram)
 * @param elapsed           wall-clock time from all robots connected (and ready, unless the missions were queued first) to
 *                          all missions ended (or the deadline)
 * @param statesOffered     state messages the robots published during {@code elapsed}
 * @param statesProcessed   state messages the server counted as processed during {@code elapsed}
 * @param statesSlow        of those, the ones that took the slow path
 * @param statesRejected    state messages the server refused as malformed or schema-invalid (the robots do not
 *                          check their own messages in the benchmark, so this shows they were all valid)
 * @param latency           the dispatcher's latency timer as read at the end, or null when not read
 * @param orderWaits        how long the robots waited for each next order, microseconds (HdrHistogram): from
 *                          publishing the state that showed the previous order done to accepting the next one
 * @param stateAgeMillis    mean age of the state messages the server took up during {@code elapsed}
 * @param worstStateAgeMillis the highest such mean over a 2-second interval
 * @param cores             CPU cores used on average during {@code elapsed}, per process
 * @param machineBusy       fraction of all cores busy during {@code elapsed}
 * @param database          PostgreSQL's commits and WAL flushes during {@code elapsed}
 * @param loadAverage       1/5/15-minute load averages at the end
 * @param timedOut          whether the deadline passed before every mission ended
 * @param busyFleet         the part of the window in which every robot had a mission, or {@code null} when there was none
 * @param firstStart        the first mission's start (server timestamp), where {@code window} begins
 * @param startUp           the fleet's start as the robots saw it
 */
record Phase(int robots, Duration fleetStart, int missions, int completed, int failed, Duration window, Histogram durations,
             Duration elapsed, long statesOffered, long statesProcessed, long statesSlow, long statesRejected, Latency latency, Histogram orderWaits, double stateAgeMillis,
             double worstStateAgeMillis, Map<String, Double> cores,
             double machineBusy, MissionLedger.DatabaseStats database, String loadAverage, boolean timedOut,
             BusyFleet busyFleet, Instant firstStart, FleetStartUp startUp) {

    /**
     * The {@code fleetdispatch_dispatch_latency} timer: exact count and mean of the samples taken during
     * the phase (differences of count and sum), its buckets' counts during the phase ({@code run}), and
     * quantiles and max as the server's reservoir gives them (warm-up samples included).
     */
    record Latency(long samples, long samplesBefore, double meanMillis, Buckets run, double reservoirP50Millis,
                   double reservoirP99Millis, double maxMillis) {

        double p50Millis() {
            return run.quantile(0.5) * 1000;
        }

        double p99Millis() {
            return run.quantile(0.99) * 1000;
        }
    }

    double missionsPerSecond() {
        double s = window.toNanos() / 1e9;
        return s <= 0 ? 0 : completed / s;
    }

    /** The time one mission takes on average when a robot works through its queue alone. */
    double secondsPerMission() {
        return completed == 0 ? Double.NaN : window.toNanos() / 1e9 / completed;
    }

    double statesOfferedPerSecond() {
        return statesOffered / (elapsed.toNanos() / 1e9);
    }

    double statesProcessedPerSecond() {
        return statesProcessed / (elapsed.toNanos() / 1e9);
    }
}
