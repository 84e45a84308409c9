package org.fleetdispatch.mqtt.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed settings from the raw strings a container hands a JavaBean, resolving placeholders and
 * collecting every problem instead of stopping at the first, so that one deployment attempt shows
 * them all. Each message names the property and what is wrong with its value.
 */
public final class SettingsReader {

    private final Map<String, String> raw;
    private final Placeholders placeholders;
    private final List<String> problems = new ArrayList<>();

    /** @param raw property name to value as configured; {@code null} or blank means not set */
    public SettingsReader(Map<String, String> raw, Placeholders placeholders) {
        this.raw = raw;
        this.placeholders = placeholders;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public void problem(String message) {
        problems.add(message);
    }

    /** Throws one {@link IllegalArgumentException} listing every problem, if there are any. */
    public void throwIfProblems(String what) {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid " + what + ": " + String.join("; ", problems));
        }
    }

    /** The resolved value, or {@code null} when unset (or unresolvable: then a problem is recorded). */
    public String string(String name) {
        String v = raw.get(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            String resolved = placeholders.resolve(name, v.trim());
            return resolved == null || resolved.isBlank() ? null : resolved.trim();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    public String string(String name, String defaultValue) {
        String v = string(name);
        return v == null ? defaultValue : v;
    }

    public String required(String name, String hint) {
        String v = string(name);
        if (v == null && !isUnresolved(name)) {
            problems.add(name + " is required (" + hint + ")");
        }
        return v;
    }

    private boolean isUnresolved(String name) {
        String v = raw.get(name);
        return v != null && !v.isBlank() && v.contains("${")
                && problems.stream().anyMatch(p -> p.startsWith(name + ":"));
    }

    /** Comma-separated list; blanks dropped. */
    public List<String> list(String name) {
        String v = string(name);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public long integer(String name, long defaultValue, long min, long max) {
        String v = string(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            long n = Long.parseLong(v);
            if (n < min || n > max) {
                problems.add(name + " must be between " + min + " and " + max + ", was " + v);
                return defaultValue;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number, was '" + v + "'");
            return defaultValue;
        }
    }

    public boolean bool(String name, boolean defaultValue) {
        String v = string(name);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problems.add(name + " must be true or false, was '" + v + "'");
                yield defaultValue;
            }
        };
    }

    public Duration duration(String name, Duration defaultValue, String defaultUnit, Duration min, Duration max) {
        String v = string(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            Duration d = Durations.parse(v, defaultUnit);
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                problems.add(name + " must be between " + Durations.format(min) + " and " + Durations.format(max)
                        + ", was " + v);
                return defaultValue;
            }
            return d;
        } catch (IllegalArgumentException e) {
            problems.add(name + ": " + e.getMessage());
            return defaultValue;
        }
    }
}
