package org.fleetdispatch.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * How long a transaction's commit waits for the disk. By default a commit returns once
 * PostgreSQL has flushed its write-ahead log: what committed survives a crash of the database server.
 */
@ApplicationScoped
public class Durability {

    @PersistenceContext(unitName = "fleetdispatch")
    private EntityManager entityManager;

    protected Durability() {
        // for CDI
    }

    public Durability(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Lets the current transaction's commit return before its write-ahead log reaches the disk
     * ({@code synchronous_commit} off for this transaction only). Other transactions see its changes at
     * once and the database stays consistent whatever happens; only a crash of the database server (not of
     * this application) within a fraction of a second may undo the transaction. So: only for transactions
     * whose every change a later one writes again anyway, or whose loss only repeats work that may be repeated
     * (deleting published outbox rows: they are published again), never for one that changes a mission or adds
     * to the outbox.
     */
    public void relaxForThisTransaction() {
        entityManager.createNativeQuery("select set_config('synchronous_commit', 'off', true)").getSingleResult();
    }
}
