package org.fleetdispatch.api.json;

import java.time.Duration;
import org.fleetdispatch.dispatch.InvalidSpecException;

/** Durations on the wire are seconds, as numbers (Isaac Mission Dispatch's timedelta fields). */
public final class Seconds {

    private Seconds() {
    }

    /** @return {@code null} for {@code null}, for the service's default */
    public static Duration toDuration(String field, Double seconds) {
        if (seconds == null) {
            return null;
        }
        if (!Double.isFinite(seconds) || seconds <= 0 || seconds > 1e9) {
            throw new InvalidSpecException(field + " must be a positive number of seconds, was " + seconds);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    public static double of(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
