package org.fleetdispatch.mqtt;

/**
 * A message to publish with {@link MqttConnection#publishAll}.
 *
 * @param topic    a topic name (no wildcards)
 * @param payload  the payload, or {@code null} for an empty one
 * @param qos      0, 1 or 2
 * @param retained whether the broker keeps it for later subscribers
 * @param options  MQTT 5 properties, or {@code null} for none
 */
public record MqttOutboundMessage(String topic, byte[] payload, int qos, boolean retained, MqttPublishOptions options) {

    public MqttOutboundMessage {
        options = options == null ? MqttPublishOptions.NONE : options;
    }
}
