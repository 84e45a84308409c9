package org.fleetdispatch.mqtt.bench.mdb;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the benchmark's beans processed, per run key (the second level of {@code bench/<key>/<n>}):
 * how many messages, when the last one was processed (microseconds since the epoch, the same clock as
 * the benchmark's JVM on this host) and how many were being processed at once at most. Probes
 * ({@code bench/<key>/probe}) count separately. Lives in the application: static, no database.
 */
public final class Counters {

    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();

    private Counters() {
    }

    public static Counter of(String key) {
        return COUNTERS.computeIfAbsent(key, k -> new Counter());
    }

    /** Micros since the epoch from the wall clock: comparable between processes on one host. */
    public static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    /** One run key's figures. */
    public static final class Counter {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong lastMicros = new AtomicLong();
        private final AtomicInteger active = new AtomicInteger();
        private final AtomicInteger peak = new AtomicInteger();
        private volatile long target = Long.MAX_VALUE;
        private volatile CountDownLatch reached = new CountDownLatch(1);

        /** A message is being processed (counts towards the peak concurrency). */
        public void enter() {
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
        }

        /** The message {@link #enter() entered} was processed. */
        public void exit() {
            active.decrementAndGet();
            record();
        }

        /** A message was processed. */
        public void record() {
            long now = nowMicros();
            lastMicros.accumulateAndGet(now, Math::max);
            if (count.incrementAndGet() >= target) {
                reached.countDown();
            }
        }

        public long count() {
            return count.get();
        }

        public long lastMicros() {
            return lastMicros.get();
        }

        /** The most messages being processed at once so far. */
        public int peak() {
            return peak.get();
        }

        /** Waits up to {@code millis} until {@code atLeast} messages were counted; one waiter at a time. */
        public synchronized boolean await(long atLeast, long millis) throws InterruptedException {
            CountDownLatch latch = new CountDownLatch(1);
            reached = latch;
            target = atLeast;
            if (count.get() >= atLeast) {
                return true;
            }
            return latch.await(millis, TimeUnit.MILLISECONDS) || count.get() >= atLeast;
        }
    }
}
