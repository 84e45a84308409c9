package org.fleetdispatch.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.fleetdispatch.persistence.PostgresTest;
import org.junit.jupiter.api.Test;

class OutboxInsertTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00.123456Z");

    @Test
    void aMessageIsWrittenAtOnceWithItsIdAndReadsBackAsWritten() {
        OutboxMessage order = new OutboxMessage("uagv/v2/acme/r1/order", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), 0,
                false, T0).causedAt(T0.minusMillis(5));
        OutboxMessage connection = new OutboxMessage("uagv/v2/acme/r1/connection", new byte[] {0, 1, (byte) 0xff}, 1,
                true, T0.plusSeconds(1));

        long[] seenInTransaction = fetch(em -> {
            Outbox.insert(em, order);
            Outbox.insert(em, connection);
            // written before commit: a query in the same transaction sees both rows
            return new long[] {((Number) em.createNativeQuery("select count(*) from outbox_message where id in (?1, ?2)")
                    .setParameter(1, order.id()).setParameter(2, connection.id()).getSingleResult()).longValue()};
        });

        assertThat(seenInTransaction[0]).isEqualTo(2);
        assertThat(connection.id()).isGreaterThan(order.id());
        OutboxMessage read = fetch(em -> em.find(OutboxMessage.class, order.id()));
        assertThat(read.topic()).isEqualTo("uagv/v2/acme/r1/order");
        assertThat(new String(read.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(read.qos()).isZero();
        assertThat(read.retained()).isFalse();
        assertThat(read.createdAt()).isEqualTo(T0);
        assertThat(read.causedAt()).isEqualTo(T0.minusMillis(5));
        assertThat(read.attempts()).isZero();
        OutboxMessage retained = fetch(em -> em.find(OutboxMessage.class, connection.id()));
        assertThat(retained.payload()).containsExactly(0, 1, 0xff);
        assertThat(retained.qos()).isEqualTo(1);
        assertThat(retained.retained()).isTrue();
        assertThat(retained.causedAt()).isNull();
    }

    @Test
    void aMessageIsWrittenOnce() {
        OutboxMessage message = new OutboxMessage("uagv/v2/acme/r2/order", new byte[] {1}, 0, false, T0);
        inTransaction(em -> Outbox.insert(em, message));

        assertThatThrownBy(() -> inTransaction(em -> Outbox.insert(em, message)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("written already");
    }

    @Test
    void aRolledBackMessageLeavesNoRow() {
        OutboxMessage message = new OutboxMessage("uagv/v2/acme/r3/order", new byte[] {1}, 0, false, T0);
        var em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            Outbox.insert(em, message);
            em.getTransaction().rollback();
        } finally {
            em.close();
        }
        OutboxMessage read = fetch(e -> e.find(OutboxMessage.class, message.id()));
        assertThat(read).isNull();
    }
}
