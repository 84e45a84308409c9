package org.fleetdispatch.mqtt.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff: {@code initial * 2^(attempt-1)}, capped at {@code max}, with up to 20% jitter
 * taken off so that many clients do not retry in step.
 */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 <= initial <= max, was " + initial + ", " + max);
        }
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt >= 1} failures. */
    public Duration delay(int attempt) {
        long base = initial.toMillis();
        long cap = max.toMillis();
        long d = base;
        for (int i = 1; i < attempt && d < cap; i++) {
            d = Math.min(cap, d * 2);
        }
        d = Math.min(cap, d);
        long jitter = d / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(d / 5 + 1);
        return Duration.ofMillis(d - jitter);
    }
}
