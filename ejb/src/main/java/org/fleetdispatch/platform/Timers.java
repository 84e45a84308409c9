package org.fleetdispatch.platform;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Where the application's MicroProfile timers are registered, one at a time (ADR 0012).
 *
 * <p>Payara's timer constructor ({@code TimerImpl.validateMetricsConfiguration}) writes the registry's
 * percentile and bucket settings into plain {@code HashMap}s; two timers created at once on a fresh server threw
 * {@code ConcurrentModificationException}, failing the creation of the state message-driven bean. Looking up a
 * timer that exists is safe, so only creation is serialised, and nothing of ours injects a timer with
 * {@code @Metric} (which creates it in whatever thread first needs it).
 */
public final class Timers {

    private static final Object REGISTRATION = new Object();

    private Timers() {
    }

    /** The registry's timer for {@code metadata}, created if it does not exist yet. */
    public static Timer timer(MetricRegistry registry, Metadata metadata) {
        synchronized (REGISTRATION) {
            return registry.timer(metadata);
        }
    }
}
