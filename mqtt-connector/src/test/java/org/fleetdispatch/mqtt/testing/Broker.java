package org.fleetdispatch.mqtt.testing;

/** An MQTT 5 broker a test started on a free loopback port; restartable on the same port and data. */
public interface Broker extends AutoCloseable {

    /** {@code tcp://127.0.0.1:<port>} (or {@code ssl://localhost:<port>} for a TLS broker). */
    String uri();

    void start() throws Exception;

    void stop() throws Exception;

    @Override
    void close() throws Exception;
}
