package org.fleetdispatch.mqtt;

import jakarta.resource.ResourceException;
import java.util.List;

/** A handle for publishing through the factory's shared client. Not thread-safe; close it. */
public interface MqttConnection extends AutoCloseable {

    /**
     * Publishes and blocks until the broker acknowledged it (PUBACK for QoS 1, PUBCOMP for QoS 2) or
     * the factory's publish timeout elapsed. QoS 0 returns once the message was written.
     *
     * @throws ResourceException with the broker URI and the reason (timeout, refused, not connected,
     *                           a reason code from the broker)
     */
    void publish(String topic, byte[] payload, int qos, boolean retained, MqttPublishOptions options)
            throws ResourceException;

    default void publish(String topic, byte[] payload, int qos, boolean retained) throws ResourceException {
        publish(topic, payload, qos, retained, MqttPublishOptions.NONE);
    }

    /**
     * Publishes the messages in their order, each handed to the client without waiting for the one before it, and
     * then waits until every one was written (QoS 0) or acknowledged (QoS 1 and 2), within the factory's publish
     * timeout for the whole batch: one wait for a batch instead of one per message. The broker gets them in this
     * order, as from as many {@link #publish} calls one after another.
     *
     * @throws MqttPublishException when one failed, with how many before it were published; when no message
     *                              was (a topic with a wildcard, no broker), that count is 0
     */
    void publishAll(List<MqttOutboundMessage> messages) throws MqttPublishException;

    @Override
    void close() throws ResourceException;
}
