package org.fleetdispatch.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttOutboundMessage;
import org.fleetdispatch.mqtt.MqttPublishException;
import org.fleetdispatch.mqtt.MqttPublishOptions;
import org.fleetdispatch.outbox.Outbox;
import org.fleetdispatch.outbox.OutboxMessage;
import org.fleetdispatch.persistence.Durability;

/**
 * The relay's passes, each in a transaction of its own where it needs one: publish what committed transactions
 * handed over in memory, delete those rows, or read the outbox table oldest first (after a start, after a broker
 * failure, and every few seconds for what other server instances left behind).
 */
@Stateless
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());
    private static final MqttPublishOptions JSON = MqttPublishOptions.contentType("application/json");

    @Resource(lookup = Mqtt.CONNECTION_FACTORY)
    private MqttConnectionFactory mqtt;

    @Inject
    private Outbox outbox;

    @Inject
    private DispatchLatency dispatchLatency;

    @Inject
    private Durability durability;

    /** What a table pass did: how many rows it read, and whether a publish failed. */
    public record Pass(int read, boolean failed) {
    }

    /**
     * Publishes what committed transactions handed over, per topic in order, in one batch ({@link
     * MqttConnection#publishAll}: one wait for the broker for all of them, ADR 0016); at the first failure everything
     * left goes back to the table ({@link HandOff#failed}), a message after the one that failed included, though
     * it may have gone out: it goes again.
     *
     * @return the ids of the published messages, whose rows are to be deleted
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<Long> publishHandedOff(HandOff handOff) {
        List<HandOff.Entry> ready = handOff.publishable();
        if (ready.isEmpty()) {
            return List.of();
        }
        List<MqttOutboundMessage> batch = new ArrayList<>(ready.size());
        for (HandOff.Entry e : ready) {
            batch.add(new MqttOutboundMessage(e.topic(), e.payload(), e.qos(), e.retained(), JSON));
        }
        int published = ready.size();
        try (MqttConnection connection = mqtt.getConnection()) {
            connection.publishAll(batch);
        } catch (MqttPublishException failure) {
            published = failure.published();
            LOG.warning(() -> "Publishing failed after " + failure.published() + " of " + ready.size()
                    + " messages, the relay reads the outbox table until it succeeds: " + failure.getMessage());
        } catch (ResourceException e) {
            published = 0;
            LOG.warning(() -> "No MQTT connection for the outbox relay, it reads the outbox table until there is: "
                    + e.getMessage());
        }
        List<Long> ids = new ArrayList<>(published);
        for (HandOff.Entry e : ready.subList(0, published)) {
            measure(e.causedAt());
            handOff.published(e);
            ids.add(e.id());
        }
        if (published < ready.size()) {
            handOff.failed();
        }
        return ids;
    }

    /**
     * Deletes the rows of messages published from memory. The commit does not wait for the disk: should the
     * database server crash before it is flushed, the rows are published once more after it restarts, as those of a
     * server that crashed between publishing and deleting are.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deletePublished(List<Long> ids) {
        durability.relaxForThisTransaction();
        outbox.deleteAll(ids);
    }

    /**
     * Publishes up to {@code limit} rows of the table, oldest first, and stops at the first failure so that
     * nothing overtakes a message that could not be sent. Rows the hand-off holds are left alone.
     *
     * @param before only rows written before this, or {@code null} for all
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Pass publishBatch(int limit, Instant before, HandOff handOff) {
        List<OutboxMessage> batch = before == null ? outbox.lockOldest(limit) : outbox.lockOldest(limit, before);
        if (batch.isEmpty()) {
            return new Pass(0, false);
        }
        try (MqttConnection connection = mqtt.getConnection()) {
            for (OutboxMessage message : batch) {
                if (handOff.owns(message.id())) {
                    continue;
                }
                try {
                    connection.publish(message.topic(), message.payload(), message.qos(), message.retained(), JSON);
                } catch (ResourceException e) {
                    message.attemptFailed(e.getMessage());
                    LOG.warning(() -> "Publishing to " + message.topic() + " failed (attempt " + message.attempts()
                            + "), will retry: " + e.getMessage());
                    return new Pass(batch.size(), true);
                }
                measure(message.causedAt());
                outbox.published(message);
            }
        } catch (ResourceException e) {
            LOG.warning(() -> "No MQTT connection for the outbox relay, will retry: " + e.getMessage());
            return new Pass(batch.size(), true);
        }
        return new Pass(batch.size(), false);
    }

    private void measure(Instant causedAt) {
        if (causedAt != null) {
            dispatchLatency.published(causedAt);
        }
    }
}
