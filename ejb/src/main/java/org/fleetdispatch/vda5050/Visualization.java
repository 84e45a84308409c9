package org.fleetdispatch.vda5050;

import java.time.Instant;

/**
 * Topic {@code visualization}, AGV to visualisation systems (section 6.13): position and velocity at a higher rate
 * than state. Both are optional in the schema.
 */
public record Visualization(long headerId, Instant timestamp, String version, String manufacturer,
                            String serialNumber, AgvPosition agvPosition, Velocity velocity)
        implements Vda5050Message {

    /** A message with the given header fields. */
    public static Visualization of(Header header, AgvPosition agvPosition, Velocity velocity) {
        return new Visualization(header.headerId(), header.timestamp(), header.version(), header.manufacturer(), header.serialNumber(),
                agvPosition, velocity);
    }

    @Override
    public Topic topic() {
        return Topic.VISUALIZATION;
    }

    @Override
    public Visualization withHeader(Header h) {
        return of(h, agvPosition, velocity);
    }
}
