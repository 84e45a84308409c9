package org.fleetdispatch.mqtt.internal;

import java.time.Duration;
import java.util.Locale;

/** Parses durations written as {@code 250ms}, {@code 5s}, {@code 2m}, {@code 1h}, or a bare number. */
public final class Durations {

    private Durations() {
    }

    /**
     * @param text        the value
     * @param defaultUnit the unit of a bare number: {@code "ms"} or {@code "s"}
     * @throws IllegalArgumentException when it is not a non-negative duration
     */
    public static Duration parse(String text, String defaultUnit) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String unit = defaultUnit;
        String number = t;
        for (String u : new String[] {"ms", "s", "m", "h"}) {
            if (t.endsWith(u) && t.length() > u.length()
                    && Character.isDigit(t.charAt(t.length() - u.length() - 1))) {
                unit = u;
                number = t.substring(0, t.length() - u.length()).trim();
                break;
            }
        }
        long n;
        try {
            n = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (examples: 250ms, 5s, 2m)");
        }
        if (n < 0) {
            throw new IllegalArgumentException("'" + text + "' is negative");
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    public static String format(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
