package org.fleetdispatch.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The outbox table. Joins the caller's transaction. */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "fleetdispatch")
    private EntityManager entityManager;

    @Inject
    private Event<OutboxWritten> written;

    protected Outbox() {
        // for CDI
    }

    /** Adds a message to the caller's transaction; the relay is told once that transaction commits. */
    public void add(OutboxMessage message) {
        insert(entityManager, message);
        written.fire(new OutboxWritten(message));
    }

    /**
     * Writes the row now, in one round trip that also returns its id: persisting the entity cost two at commit
     * (EclipseLink reads an identity with {@code select lastval()} after the insert), on every order and instant
     * action. The message is not managed afterwards; nothing changes it within the transaction that wrote it.
     * The transaction's other changes are not written before it.
     */
    static void insert(EntityManager entityManager, OutboxMessage message) {
        Number id = (Number) entityManager.createNativeQuery("""
                        insert into outbox_message (topic, payload, qos, retained, created_at, attempts, caused_at)
                        values (?1, ?2, ?3, ?4, ?5, 0, cast(?6 as timestamptz))
                        returning id""")
                .setParameter(1, message.topic())
                .setParameter(2, message.payload())
                .setParameter(3, message.qos())
                .setParameter(4, message.retained())
                .setParameter(5, Timestamp.from(message.createdAt()))
                .setParameter(6, message.causedAt() == null ? null : Timestamp.from(message.causedAt()))
                .setFlushMode(FlushModeType.COMMIT)
                .getSingleResult();
        message.inserted(id.longValue());
    }

    /**
     * The oldest unsent messages, locked for this transaction; rows another relay holds are skipped,
     * so that several server instances can relay side by side without sending a row twice.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockOldest(int limit) {
        return entityManager.createNativeQuery(
                        "select * from outbox_message order by id limit ?1 for update skip locked", OutboxMessage.class)
                .setParameter(1, limit)
                .getResultList();
    }

    /**
     * As {@link #lockOldest(int)}, only rows written before {@code before}: what other server instances (which
     * publish their own rows from memory) left behind, for an instance whose own rows are all in memory.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> lockOldest(int limit, Instant before) {
        return entityManager.createNativeQuery("""
                        select * from outbox_message where created_at < ?2 order by id limit ?1 for update skip locked""",
                        OutboxMessage.class)
                .setParameter(1, limit)
                .setParameter(2, Timestamp.from(before))
                .getResultList();
    }

    public void published(OutboxMessage message) {
        entityManager.remove(message);
    }

    /** Deletes the rows of messages published from memory; a row already gone is no error. */
    public int deleteAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return entityManager.createQuery("delete from OutboxMessage m where m.id in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
