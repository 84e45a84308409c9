package org.fleetdispatch.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.fleetdispatch.outbox.OutboxWritten;
import org.fleetdispatch.platform.Worker;

/**
 * Publishes the outbox: woken right after a transaction that wrote to it commits, and every few
 * seconds to pick up what a crash or a broker outage left behind.
 *
 * <p>One thread drains, in outbox order, so that two messages to the same robot leave in the order
 * they were written; a wake-up during a drain makes it run once more.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final int BATCH = 100;

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private OutboxPublisher publisher;

    private Worker worker;

    @PostConstruct
    void start() {
        worker = new Worker(threads, "fleetdispatch-outbox-relay", this::drain);
    }

    @PreDestroy
    void stop() {
        worker.close();
    }

    public void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wake();
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        wake();
    }

    public void wake() {
        worker.wake();
    }

    private void drain() {
        int published;
        do {
            published = publisher.publishBatch(BATCH);
        } while (published == BATCH);
    }
}
