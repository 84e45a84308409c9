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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.platform.Worker;

/**
 * Publishes the outbox. Committed transactions hand their messages over in memory ({@link OutboxHandOff}) and
 * wake the relay, which publishes them and then deletes their rows; after a start, and after the broker failed,
 * it reads the table oldest first until it is drained. Every few seconds it also reads rows other server
 * instances left behind for longer than {@link #LEFT_BEHIND} (ADR 0003 addendum).
 *
 * <p>One thread publishes, so that two messages to the same robot leave in the order they were written; a
 * wake-up during a drain makes it run once more. Another deletes the rows of what was published from memory, so
 * that publishing from memory never waits for a transaction (ADR 0016).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());

    private static final int BATCH = 100;
    /** How long a row may wait before any instance publishes it: another instance's that died or lost its broker. */
    static final Duration LEFT_BEHIND = Duration.ofSeconds(30);

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private OutboxPublisher publisher;

    @Inject
    private OutboxHandOff handOff;

    private final AtomicBoolean sweepDue = new AtomicBoolean();
    /** Published from memory, rows not yet deleted (put back for the next round if deleting fails). */
    private final Queue<Long> toDelete = new ConcurrentLinkedQueue<>();
    private Worker worker;
    private Worker deleter;

    @PostConstruct
    void start() {
        worker = new Worker(threads, "fleetdispatch-outbox-relay", this::drain);
        deleter = new Worker(threads, "fleetdispatch-outbox-deleter", this::flushDeletions);
        handOff.onCommitted(worker::wake);
    }

    @PreDestroy
    void stop() {
        handOff.onCommitted(() -> { });
        worker.close();
        deleter.close();
        // a wake-up the deleter had not taken yet: left, those rows would be published again after the next start
        try {
            flushDeletions();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Deleting published outbox rows at shutdown failed; they are published again after"
                    + " the next start", e);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        sweepDue.set(true);
        wake();
    }

    public void wake() {
        worker.wake();
    }

    private void drain() {
        HandOff queue = handOff.queue();
        boolean resumed;
        do {
            List<Long> published = publisher.publishHandedOff(queue);
            if (!published.isEmpty()) {
                // on a thread of its own: a message that commits meanwhile need not wait for the deleting transaction
                toDelete.addAll(published);
                deleter.wake();
            }
            boolean tableDue = !queue.inMemoryMode() || sweepDue.getAndSet(false);
            if (tableDue) {
                // a table pass skips rows the hand-off still owns: deleted first, they cannot fill its batches
                flushDeletions();
            }
            resumed = tableDue && readTable(queue);
        } while (resumed);
    }

    /** Deletes the rows of what was published from memory (the deleter's task; the relay's before a table pass). */
    private void flushDeletions() {
        List<Long> ids = new ArrayList<>();
        for (Long id = toDelete.poll(); id != null; id = toDelete.poll()) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            publisher.deletePublished(ids);
        } catch (RuntimeException e) {
            toDelete.addAll(ids);
            throw e;
        }
        handOff.queue().deleted(ids);
    }

    /**
     * Publishes from the table until a pass finds nothing more or fails.
     *
     * @return whether this ended database mode (so what was handed over meanwhile can go now)
     */
    private boolean readTable(HandOff queue) {
        boolean memory = queue.inMemoryMode();
        HandOff.PassStart start = queue.passStart();
        Instant before = memory ? Instant.now().minus(LEFT_BEHIND) : null;
        OutboxPublisher.Pass pass;
        do {
            pass = publisher.publishBatch(BATCH, before, queue);
        } while (pass.read() == BATCH && !pass.failed());
        return !memory && !pass.failed() && queue.drained(start);
    }
}
