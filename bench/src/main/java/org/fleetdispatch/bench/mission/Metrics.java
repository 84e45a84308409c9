package org.fleetdispatch.bench.mission;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One reading of MicroProfile Metrics' OpenMetrics text: every sample by its name and labels as
 * written, e.g. {@code fleetdispatch_dispatch_latency{mp_scope="application",quantile="0.99"}}.
 * Payara writes timers in seconds, without a unit suffix.
 */
record Metrics(Map<String, Double> samples) {

    static Metrics parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            try {
                samples.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1).trim()));
            } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                // a line we do not understand is not a figure we print
            }
        }
        return new Metrics(samples);
    }

    /** The sample of {@code name} whose labels include every one of {@code labels} ({@code key="value"}). */
    OptionalDouble value(String name, String... labels) {
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            if (!(key.equals(name) || key.startsWith(name + "{"))) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= key.contains(label);
            }
            if (all) {
                return OptionalDouble.of(sample.getValue());
            }
        }
        return OptionalDouble.empty();
    }

    double valueOrZero(String name, String... labels) {
        return value(name, labels).orElse(0);
    }

    /**
     * Cumulative counts by upper bound, from the samples of {@code name} labelled {@code le="…"} (a histogram's
     * {@code name_bucket}, or counters kept that way): bound as written → how many were at most that, ascending;
     * {@code +Inf} as infinity. Empty without such samples.
     */
    NavigableMap<Double, Double> buckets(String name) {
        NavigableMap<Double, Double> buckets = new TreeMap<>();
        String prefix = name + "{";
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            int le = key.indexOf("le=\"");
            if (!key.startsWith(prefix) || le < 0) {
                continue;
            }
            String bound = key.substring(le + 4, key.indexOf('"', le + 4));
            buckets.put(bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound), sample.getValue());
        }
        return buckets;
    }
}
