package org.fleetdispatch.watch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The {@code publisher_id} of the API caller whose transaction this is, or {@code null}: kept as a resource of
 * the running transaction. A {@code @TransactionScoped} bean did the same, but every transaction that changed a
 * mission created one to find it empty, robots' state messages included (5 % of their CPU in a profile).
 */
@ApplicationScoped
public class TransactionPublisher {

    private static final Object KEY = TransactionPublisher.class.getName() + ".publisherId";

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The caller's publisher id in this transaction, or {@code null} (also outside a transaction). */
    public String publisherId() {
        return transactions.getTransactionKey() == null ? null : (String) transactions.getResource(KEY);
    }

    /** Says who makes this transaction's changes; needs a running transaction. */
    void set(String publisherId) {
        transactions.putResource(KEY, publisherId);
    }
}
