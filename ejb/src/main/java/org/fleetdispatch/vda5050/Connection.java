package org.fleetdispatch.vda5050;

import java.time.Instant;
import java.util.Objects;

/**
 * Topic {@code connection}, AGV (or the broker, as last will) to master control (section 6.14). Sent with QoS 1
 * and retained.
 */
public record Connection(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                         ConnectionState connectionState) implements Vda5050Message {

    public Connection {
        Objects.requireNonNull(connectionState, "connectionState");
    }

    /** A message with the given header fields. */
    public static Connection of(Header header, ConnectionState connectionState) {
        return new Connection(header.headerId(), header.timestamp(), header.version(), header.manufacturer(), header.serialNumber(),
                connectionState);
    }

    @Override
    public Topic topic() {
        return Topic.CONNECTION;
    }

    @Override
    public Connection withHeader(Header h) {
        return of(h, connectionState);
    }
}
