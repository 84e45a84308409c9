package org.fleetdispatch.keystore.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A validity window, both ends inclusive as in X.509. */
public record Validity(Instant notBefore, Instant notAfter) {

    /** SROS 2 back-dates certificates by one day (a Connext 5.3.1 clock-skew workaround); so do we. */
    public static final Duration BACKDATE = Duration.ofDays(1);

    /** SROS 2's hard-coded lifetime, our default. */
    public static final int DEFAULT_DAYS = 3650;

    public Validity {
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(notAfter, "notAfter");
        if (notAfter.isBefore(notBefore)) {
            throw new IllegalArgumentException("validity ends (" + notAfter + ") before it starts (" + notBefore + ")");
        }
    }

    /** From a day before {@code now} to {@code days} days after it, as SROS 2 does. */
    public static Validity days(Instant now, int days) {
        if (days <= 0) {
            throw new IllegalArgumentException("validity must be at least one day, not " + days);
        }
        return new Validity(now.minus(BACKDATE), now.plus(Duration.ofDays(days)));
    }

    public boolean contains(Instant at) {
        return !at.isBefore(notBefore) && !at.isAfter(notAfter);
    }
}
