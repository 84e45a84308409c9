package org.fleetdispatch.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work for after the running transaction has committed (and only then), such as updating a cache of what it wrote. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code action} on the committing thread once the running transaction has committed; not on a rollback. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
