package org.fleetdispatch.vda5050;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;

/**
 * RFC 3339 timestamps in the one shape robots send in practice, {@code 2017-04-15T11:40:03.12Z}, read without
 * {@code DateTimeFormatter}.
 *
 * <p>Every VDA 5050 message has a header {@code timestamp}, checked by the schema validator and then bound to an
 * {@link Instant}. With {@code DateTimeFormatter} the two took 1.4 µs a message in a loop (this, 30 ns), and a JFR
 * profile of the server at 200 robots put them at a fifth of decoding a state message. This reads only UTC
 * ({@code Z}), a four-digit year, and an optional fraction of 1 to 9 digits, and answers {@code null} for anything
 * else, which the callers hand to {@code DateTimeFormatter} as before: it never accepts what the formatter would
 * refuse, and never refuses anything itself.
 */
final class Rfc3339 {

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Rfc3339() {
    }

    /**
     * The instant of {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}, or {@code null} when {@code s} has another shape or is not a
     * real time.
     */
    static Instant utc(String s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 // 60, a leap second, is the formatter's to judge
                || day > monthLength(year, month)) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            int f = digits(s, 20, fraction);
            if (f < 0) {
                return null;
            }
            nanos = f * POWERS[9 - fraction];
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> Year.isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** The decimal value of {@code count} ASCII digits from {@code from}, or -1 if one is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
