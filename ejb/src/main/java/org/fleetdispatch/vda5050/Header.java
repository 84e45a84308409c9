package org.fleetdispatch.vda5050;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The protocol header that starts every VDA 5050 message (section 6.4). It is not a JSON object of its own: its
 * five fields are written flat into each message.
 *
 * @param headerId     counted per topic by the sender, incremented by 1 with each sent message (uint32)
 * @param timestamp    when the message was created (ISO 8601, UTC)
 * @param version      protocol version [Major].[Minor].[Patch]
 * @param manufacturer manufacturer of the AGV
 * @param serialNumber serial number of the AGV
 */
public record Header(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber) {

    /** The protocol version Fleet Dispatch speaks. */
    public static final String PROTOCOL_VERSION = "2.0.0";

    /** The largest headerId (uint32). */
    public static final long MAX_HEADER_ID = 0xFFFF_FFFFL;

    public Header {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(serialNumber, "serialNumber");
        if (headerId < 0 || headerId > MAX_HEADER_ID) {
            throw new IllegalArgumentException("headerId " + headerId + " is outside uint32");
        }
    }

    /** A header for version 2.0.0 stamped now (millisecond precision). */
    public static Header now(long headerId, String manufacturer, String serialNumber) {
        return new Header(headerId, Instant.now().truncatedTo(ChronoUnit.MILLIS), PROTOCOL_VERSION, manufacturer,
                serialNumber);
    }
}
