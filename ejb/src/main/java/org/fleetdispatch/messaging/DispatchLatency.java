package org.fleetdispatch.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.fleetdispatch.platform.Timers;

/**
 * From a robot state arriving to the order it caused being accepted by the broker: the dispatcher's own part of
 * a robot's wait between two orders. Kept twice: as a timer (count, sum, max and the quantiles of Payara's
 * reservoir) and as exact cumulative counts per bound, {@code fleetdispatch_dispatch_latency_within_total{le=…}}
 * ({@code le="+Inf"} counts all), which is what a window's distribution can be computed from (the difference of
 * two scrapes). Payara derives a timer's configured buckets from its reservoir, so their counts fall once it is
 * full (ADR 0092).
 */
@ApplicationScoped
public class DispatchLatency {

    /** Upper bounds in seconds: every millisecond up to 10 ms (issue 5's target for this part), then coarser. */
    static final double[] BOUNDS = {0.001, 0.002, 0.003, 0.004, 0.005, 0.006, 0.007, 0.008, 0.009, 0.010, 0.012,
            0.015, 0.020, 0.025, 0.030, 0.040, 0.050, 0.075, 0.100, 0.150, 0.200, 0.300, 0.500, 0.750, 1, 2, 5};

    @Inject
    private MetricRegistry metrics;

    private Timer timer;
    private Counter[] within;

    @PostConstruct
    void register() {
        timer = Timers.timer(metrics, Metadata.builder().withName("fleetdispatch_dispatch_latency")
                .withDescription("Time from the robot state that finished a node to the broker accepting the next order")
                .build());
        Metadata metadata = Metadata.builder().withName("fleetdispatch_dispatch_latency_within")
                .withDescription("Dispatch latencies (see fleetdispatch_dispatch_latency) of at most le seconds, counted exactly")
                .build();
        within = new Counter[BOUNDS.length + 1];
        for (int i = 0; i < BOUNDS.length; i++) {
            within[i] = metrics.counter(metadata, new Tag("le", Double.toString(BOUNDS[i])));
        }
        // all of them, among the counters: a scrape reads the timer's count at another moment than these, and
        // robots finishing together make dispatches come in bursts
        within[BOUNDS.length] = metrics.counter(metadata, new Tag("le", "+Inf"));
    }

    /** A message caused by an input that arrived at {@code causedAt} was just accepted by the broker. */
    public void published(Instant causedAt) {
        Duration latency = Duration.between(causedAt, Instant.now());
        timer.update(latency);
        for (int i = lowestBoundAtLeast(latency.toNanos() / 1e9); i < within.length; i++) {
            within[i].inc();
        }
    }

    /** The index of the smallest bound a latency of {@code seconds} is within; {@code BOUNDS.length} if none. */
    static int lowestBoundAtLeast(double seconds) {
        int i = 0;
        while (i < BOUNDS.length && seconds > BOUNDS[i]) {
            i++;
        }
        return i;
    }
}
