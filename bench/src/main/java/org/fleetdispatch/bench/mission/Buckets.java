package org.fleetdispatch.bench.mission;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The samples a cumulative-bucket histogram took between two readings (the difference of its counts), with
 * quantiles interpolated linearly inside the bucket they fall in, as Prometheus' {@code histogram_quantile}
 * does. Exact about the shares within each bound; a quantile is as precise as its bucket is narrow.
 *
 * @param counts upper bound (seconds) → samples at most that, ascending, infinity last
 */
record Buckets(NavigableMap<Double, Double> counts) {

    static Buckets between(NavigableMap<Double, Double> before, NavigableMap<Double, Double> after) {
        NavigableMap<Double, Double> counts = new TreeMap<>();
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            counts.put(bucket.getKey(), bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0));
        }
        return new Buckets(counts);
    }

    long total() {
        return counts.isEmpty() ? 0 : Math.round(counts.lastEntry().getValue());
    }

    /** The share of samples of at most {@code bound} seconds, or NaN without samples or without such a bound. */
    double shareWithin(double bound) {
        Double within = counts.get(bound);
        return total() == 0 || within == null ? Double.NaN : within / total();
    }

    /**
     * The {@code q}-quantile in seconds (0 < q ≤ 1); the highest finite bound when it lies beyond it (shown as
     * "&gt;"), NaN without samples.
     */
    double quantile(double q) {
        long total = total();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lower = 0;
        double below = 0;
        for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lower;
                }
                double inBucket = bucket.getValue() - below;
                return inBucket <= 0 ? bucket.getKey() : lower + (bucket.getKey() - lower) * (rank - below) / inBucket;
            }
            lower = bucket.getKey();
            below = bucket.getValue();
        }
        return lower;
    }

    /** Whether the {@code q}-quantile lies beyond the highest finite bound. */
    boolean beyondLastBound(double q) {
        Double finite = counts.lowerKey(Double.POSITIVE_INFINITY);
        return finite != null && total() > 0 && counts.get(finite) < q * total();
    }
}
