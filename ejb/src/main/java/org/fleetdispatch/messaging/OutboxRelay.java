package org.fleetdispatch.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.outbox.OutboxWritten;

/**
 * Publishes the outbox: woken right after a transaction that wrote to it commits, and every few
 * seconds to pick up what a crash or a broker outage left behind.
 *
 * <p>One drain runs at a time per server, in outbox order, so that two messages to the same robot
 * leave in the order they were written; a wake-up during a drain makes it run once more.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
    private static final int BATCH = 100;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private OutboxPublisher publisher;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();

    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        wake();
    }

    public void wake() {
        wokenWhileDraining.set(true);
        if (draining.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            do {
                wokenWhileDraining.set(false);
                int published;
                do {
                    published = publisher.publishBatch(BATCH);
                } while (published == BATCH);
            } while (wokenWhileDraining.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox relay pass failed; the next sweep retries", e);
        } finally {
            draining.set(false);
        }
    }
}
