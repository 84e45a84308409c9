package org.fleetdispatch.messaging;

import jakarta.ejb.ApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.fleetdispatch.dispatch.Vda5050Json;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageRejectedException;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.TopicName;
import org.fleetdispatch.vda5050.Vda5050Exception;
import org.fleetdispatch.vda5050.Vda5050Message;

/**
 * What every VDA 5050 message-driven bean does first: read the topic, decode and validate the payload,
 * and refuse what cannot be processed (logged, counted, dead-lettered by the adapter, never retried).
 */
final class Vda5050Mdbs {

    private static final Logger LOG = Logger.getLogger(Vda5050Mdbs.class.getName());

    /** A message that is not VDA 5050: rolled back (nothing happened) and dead-lettered without retries. */
    @ApplicationException(rollback = true)
    static class RejectedMessage extends MqttMessageRejectedException {
        RejectedMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }

    record Received<T extends Vda5050Message>(TopicName topic, T message) {
    }

    private Vda5050Mdbs() {
    }

    /**
     * @throws RejectedMessage when the topic or the payload is not the VDA 5050 message {@code expected}
     */
    static <T extends Vda5050Message> Received<T> decode(MqttInboundMessage in, Topic expected, Class<T> type,
                                                         Vda5050Json json, MetricRegistry metrics) {
        try {
            TopicName topic = TopicName.parse(in.topic());
            if (topic.topic() != expected) {
                throw new IllegalArgumentException("expected a " + expected.level() + " topic");
            }
            return new Received<>(topic, json.decode(in.payload(), type));
        } catch (Vda5050Exception | IllegalArgumentException e) {
            metrics.counter("fleetdispatch_mqtt_rejected", new Tag("topic", expected.level())).inc();
            LOG.warning(() -> "Rejected message on " + in.topic() + ": " + e.getMessage() + " (payload starts: "
                    + excerpt(in.payload()) + ")");
            throw new RejectedMessage("not a valid VDA 5050 " + expected.level() + " message: " + e.getMessage(), e);
        }
    }

    /** Enough of the payload to find the culprit, never so much that a log fills with it. */
    static String excerpt(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 120), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?") + (payload.length > 120 ? "…" : "");
    }
}
