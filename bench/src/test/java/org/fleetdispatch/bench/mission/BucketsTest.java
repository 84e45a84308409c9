package org.fleetdispatch.bench.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BucketsTest {

    /** As Payara writes the server's counters per bound (seconds, cumulative), with a +Inf for all. */
    private static Metrics reading(double upTo5ms, double upTo10ms, double upTo20ms, double all) {
        return Metrics.parse("""
                # TYPE fleetdispatch_dispatch_latency_within_total counter
                fleetdispatch_dispatch_latency_within_total{le="0.005",mp_scope="application"} %s
                fleetdispatch_dispatch_latency_within_total{le="0.01",mp_scope="application"} %s
                fleetdispatch_dispatch_latency_within_total{le="0.02",mp_scope="application"} %s
                fleetdispatch_dispatch_latency_within_total{le="+Inf",mp_scope="application"} %s
                fleetdispatch_dispatch_latency_count{mp_scope="application"} %s
                """.formatted(upTo5ms, upTo10ms, upTo20ms, all, all));
    }

    @Test
    void countsOnlyWhatCameBetweenTheTwoReadings() {
        Metrics before = reading(10, 20, 30, 40);
        Metrics after = reading(10 + 50, 20 + 98, 30 + 100, 40 + 100);
        Buckets run = Buckets.between(before.buckets("fleetdispatch_dispatch_latency_within_total"),
                after.buckets("fleetdispatch_dispatch_latency_within_total"));

        assertThat(run.total()).isEqualTo(100);
        assertThat(run.shareWithin(0.010)).isEqualTo(0.98);
        assertThat(run.quantile(0.5)).isEqualTo(0.005);
        // the 99th of 100 lies in the (10 ms, 20 ms] bucket, which holds 2: halfway
        assertThat(run.quantile(0.99)).isCloseTo(0.015, within(1e-12));
        assertThat(run.beyondLastBound(0.99)).isFalse();
    }

    @Test
    void aQuantileBeyondTheLastBoundIsThatBoundAndSaysSo() {
        Buckets run = Buckets.between(reading(0, 0, 0, 0).buckets("fleetdispatch_dispatch_latency_within_total"),
                reading(10, 10, 10, 20).buckets("fleetdispatch_dispatch_latency_within_total"));

        assertThat(run.quantile(0.99)).isEqualTo(0.02);
        assertThat(run.beyondLastBound(0.99)).isTrue();
        assertThat(run.quantile(0.25)).isCloseTo(0.0025, within(1e-12));
    }

    @Test
    void withoutSamplesOrBucketsThereIsNothingToSay() {
        Buckets none = Buckets.between(Metrics.parse("").buckets("x"), Metrics.parse("").buckets("x"));
        assertThat(none.total()).isZero();
        assertThat(none.quantile(0.5)).isNaN();
        assertThat(none.shareWithin(0.01)).isNaN();
    }
}
