package org.fleetdispatch.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;
import java.util.List;
import java.util.logging.Logger;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttPublishOptions;
import org.fleetdispatch.outbox.Outbox;
import org.fleetdispatch.outbox.OutboxMessage;

/** One relay pass: publish the oldest outbox rows and delete them, in a transaction of its own. */
@Stateless
public class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class.getName());
    private static final MqttPublishOptions JSON = MqttPublishOptions.contentType("application/json");

    @Resource(lookup = Mqtt.CONNECTION_FACTORY)
    private MqttConnectionFactory mqtt;

    @Inject
    private Outbox outbox;

    /**
     * From a robot state arriving to the order it caused being accepted by the broker: the dispatcher's
     * own part of a robot's wait between two orders.
     */
    @Inject
    @Metric(name = "fleetdispatch_dispatch_latency", absolute = true,
            description = "Time from the robot state that finished a node to the broker accepting the next order")
    private Timer dispatchLatency;

    /**
     * Publishes up to {@code limit} messages, oldest first, and stops at the first failure so that
     * nothing overtakes a message that could not be sent.
     *
     * @return how many were published
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int publishBatch(int limit) {
        List<OutboxMessage> batch = outbox.lockOldest(limit);
        if (batch.isEmpty()) {
            return 0;
        }
        int published = 0;
        try (MqttConnection connection = mqtt.getConnection()) {
            for (OutboxMessage message : batch) {
                try {
                    connection.publish(message.topic(), message.payload(), message.qos(), message.retained(), JSON);
                } catch (ResourceException e) {
                    message.attemptFailed(e.getMessage());
                    LOG.warning(() -> "Publishing to " + message.topic() + " failed (attempt " + message.attempts()
                            + "), will retry: " + e.getMessage());
                    return published;
                }
                if (message.causedAt() != null) {
                    dispatchLatency.update(Duration.between(message.causedAt(), Instant.now()));
                }
                outbox.published(message);
                published++;
            }
        } catch (ResourceException e) {
            LOG.warning(() -> "No MQTT connection for the outbox relay, will retry: " + e.getMessage());
        }
        return published;
    }
}
