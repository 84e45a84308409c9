package org.fleetdispatch.mqtt;

import java.io.Serializable;
import java.time.Instant;

/**
 * A snapshot of one MQTT client of the adapter.
 *
 * @param clientId  the MQTT client identifier
 * @param role      whether it publishes for a connection factory or feeds an endpoint
 * @param serverUri the broker it is connected to, or tries to connect to
 * @param connected whether the MQTT session is up now
 * @param detail    the topic filters for an inbound client, the last error when disconnected, else
 *                  {@code null}
 * @param since     when {@code connected} last changed
 */
public record MqttClientStatus(
        String clientId, Role role, String serverUri, boolean connected, String detail, Instant since)
        implements Serializable {

    public enum Role { OUTBOUND, INBOUND }
}
