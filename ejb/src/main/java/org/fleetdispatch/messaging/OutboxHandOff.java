package org.fleetdispatch.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.outbox.OutboxMessage;
import org.fleetdispatch.outbox.OutboxWritten;

/**
 * Collects the outbox messages a transaction writes and hands them to the relay as it commits ({@link HandOff}),
 * then wakes the relay. One interposed synchronization per transaction: its {@code beforeCompletion} runs after
 * the persistence provider's, so the rows are written and their ids known, and the transaction still holds its
 * locks.
 */
@ApplicationScoped
public class OutboxHandOff {

    private static final Logger LOG = Logger.getLogger(OutboxHandOff.class.getName());
    private static final Object KEY = OutboxHandOff.class.getName() + ".messages";
    /** Messages waiting in memory at most; beyond that the relay reads the table (a broker far behind). */
    static final int CAPACITY = 10_000;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final HandOff handOff = new HandOff(CAPACITY);
    private volatile Runnable committed = () -> { };

    HandOff queue() {
        return handOff;
    }

    /** What to run after a transaction that wrote to the outbox has committed: wake the relay. */
    void onCommitted(Runnable action) {
        committed = action;
    }

    void written(@Observes OutboxWritten written) {
        @SuppressWarnings("unchecked")
        List<OutboxMessage> messages = (List<OutboxMessage>) transactions.getResource(KEY);
        if (messages == null) {
            messages = new ArrayList<>();
            transactions.putResource(KEY, messages);
            transactions.registerInterposedSynchronization(new HandOver(messages));
        }
        messages.add(written.message());
    }

    private final class HandOver implements Synchronization {
        private final List<OutboxMessage> messages;
        private HandOff.Taken taken;

        HandOver(List<OutboxMessage> messages) {
            this.messages = messages;
        }

        @Override
        public void beforeCompletion() {
            try {
                List<HandOff.Entry> entries = new ArrayList<>(messages.size());
                for (OutboxMessage m : messages) {
                    if (m.id() == null) {
                        taken = handOff.leaveToTable(); // not written yet (a provider that did not flush): the table has it
                        return;
                    }
                    entries.add(new HandOff.Entry(m.id(), m.topic(), m.payload(), m.qos(), m.retained(), m.causedAt()));
                }
                taken = handOff.take(entries);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Handing outbox messages to the relay failed; it reads them from the table", e);
                taken = handOff.leaveToTable();
            }
        }

        @Override
        public void afterCompletion(int status) {
            boolean commit = status == Status.STATUS_COMMITTED;
            if (taken == null) {
                // beforeCompletion did not run (a rollback before it): nothing was taken
                return;
            }
            handOff.ended(taken, commit);
            if (commit) {
                try {
                    committed.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Waking the outbox relay failed; its sweep publishes within seconds", e);
                }
            }
        }
    }
}
