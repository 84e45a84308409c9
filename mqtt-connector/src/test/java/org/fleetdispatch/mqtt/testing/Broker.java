package org.fleetdispatch.mqtt.testing;

/** An MQTT 5 broker a test started on a free loopback port; restartable on the same port and data. */
public interface Broker extends AutoCloseable {

    /**
     * The first level of the topics on which a refusing broker (mosquitto, or {@link HiveMqBroker#tcpRefusing})
     * refuses every message a client publishes: an MQTT 5 PUBACK with reason code 0x87 (not authorized) for QoS 1,
     * so that a test can have one message of a batch refused.
     */
    String REFUSING = "refused";

    /** {@code tcp://127.0.0.1:<port>} (or {@code ssl://localhost:<port>} for a TLS broker). */
    String uri();

    void start() throws Exception;

    void stop() throws Exception;

    @Override
    void close() throws Exception;
}
