package org.fleetdispatch.mqtt;

/**
 * Listener interface of message-driven beans fed by this resource adapter.
 *
 * <p>Delivery is at least once: a QoS 1 or 2 message is acknowledged to the broker only after this
 * method returned normally and the endpoint's transaction committed. Throwing (or a rollback) means
 * the message was not processed: the adapter retries it with backoff and, once the retries are used
 * up, dead-letters it. Implementations must therefore be idempotent.
 */
@FunctionalInterface
public interface MqttMessageListener {

    void onMessage(MqttInboundMessage message);
}
