package org.fleetdispatch.mqtt;

import jakarta.resource.ResourceException;

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

    @Override
    void close() throws ResourceException;
}
