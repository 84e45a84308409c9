package org.fleetdispatch.mqtt.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.fleetdispatch.mqtt.internal.ConnectionSettings;
import org.fleetdispatch.mqtt.internal.Placeholders;
import org.fleetdispatch.mqtt.internal.SettingsReader;

/**
 * The validated settings of a connection factory.
 *
 * @param connection     the shared client's connection (clean start, no session kept)
 * @param publishTimeout how long {@code publish} waits for the broker's acknowledgement
 */
public record OutboundSettings(ConnectionSettings connection, Duration publishTimeout) {

    public static final String PUBLISH_TIMEOUT = "publishTimeout";

    /** Reads and validates; throws one exception listing every problem. */
    public static OutboundSettings parse(Map<String, String> raw, Placeholders placeholders) {
        SettingsReader r = new SettingsReader(raw, placeholders);
        String defaultId = "fd-pub-" + UUID.randomUUID().toString().substring(0, 8);
        ConnectionSettings connection = ConnectionSettings.read(r, defaultId, true, 0);
        Duration timeout = r.duration(PUBLISH_TIMEOUT, Duration.ofSeconds(10), "ms", Duration.ofMillis(100),
                Duration.ofMinutes(10));
        r.throwIfProblems("MQTT connection factory settings");
        return new OutboundSettings(connection, timeout);
    }
}
