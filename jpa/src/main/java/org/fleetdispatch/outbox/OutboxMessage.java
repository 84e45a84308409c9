package org.fleetdispatch.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One MQTT PUBLISH waiting for the relay. Rows are deleted once the broker acknowledged them. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "topic", nullable = false)
    private String topic;

    @Column(name = "payload", nullable = false)
    private byte[] payload;

    @Column(name = "qos", nullable = false)
    private int qos;

    @Column(name = "retained", nullable = false)
    private boolean retained;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "caused_at")
    private Instant causedAt;

    protected OutboxMessage() {
        // for JPA
    }

    public OutboxMessage(String topic, byte[] payload, int qos, boolean retained, Instant createdAt) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.payload = payload.clone();
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
        }
        this.qos = qos;
        this.retained = retained;
        this.createdAt = createdAt;
    }

    /** The same message, remembering when the input that caused it arrived. */
    public OutboxMessage causedAt(Instant cause) {
        this.causedAt = cause;
        return this;
    }

    /** When the input that caused it arrived, or {@code null}. */
    public Instant causedAt() {
        return causedAt;
    }

    /** The row was written with this id ({@link Outbox#insert}). */
    void inserted(long rowId) {
        if (id != null) {
            throw new IllegalStateException("outbox message " + id + " is written already");
        }
        id = rowId;
    }

    /** A publish attempt failed; the message stays for the next pass. */
    public void attemptFailed(String reason) {
        attempts++;
        lastError = reason;
    }

    public Long id() {
        return id;
    }

    public String topic() {
        return topic;
    }

    public byte[] payload() {
        return payload.clone();
    }

    public int qos() {
        return qos;
    }

    public boolean retained() {
        return retained;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
