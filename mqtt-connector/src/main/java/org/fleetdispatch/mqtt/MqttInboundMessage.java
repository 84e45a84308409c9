package org.fleetdispatch.mqtt;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One MQTT PUBLISH as received, with its MQTT 5 properties. Immutable.
 *
 * @param topic                  the topic name the message was published to (never a filter)
 * @param payload                the payload bytes (a defensive copy is made on the way in and out)
 * @param qos                    0, 1 or 2
 * @param retained               whether the broker delivered it as a retained message
 * @param duplicate              whether the broker flagged it as a possible re-delivery
 * @param contentType            MQTT 5 content type, or {@code null}
 * @param responseTopic          MQTT 5 response topic, or {@code null}
 * @param correlationData        MQTT 5 correlation data, or {@code null}
 * @param messageExpiryInterval  MQTT 5 message expiry in seconds, or {@code null} when absent
 * @param userProperties         MQTT 5 user properties in wire order (names may repeat)
 */
public record MqttInboundMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        boolean duplicate,
        String contentType,
        String responseTopic,
        byte[] correlationData,
        Long messageExpiryInterval,
        List<MqttUserProperty> userProperties) implements Serializable {

    public MqttInboundMessage {
        Objects.requireNonNull(topic, "topic");
        payload = payload == null ? new byte[0] : payload.clone();
        correlationData = correlationData == null ? null : correlationData.clone();
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("qos must be 0, 1 or 2, was " + qos);
        }
    }

    /** A message with no MQTT 5 properties, as tests and simple publishers produce. */
    public static MqttInboundMessage of(String topic, byte[] payload, int qos) {
        return new MqttInboundMessage(topic, payload, qos, false, false, null, null, null, null, List.of());
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] correlationData() {
        return correlationData == null ? null : correlationData.clone();
    }

    /** The first user property of that name, if any. */
    public Optional<String> userProperty(String name) {
        return userProperties.stream().filter(p -> p.name().equals(name)).map(MqttUserProperty::value).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttInboundMessage m
                && topic.equals(m.topic) && Arrays.equals(payload, m.payload) && qos == m.qos
                && retained == m.retained && duplicate == m.duplicate
                && Objects.equals(contentType, m.contentType) && Objects.equals(responseTopic, m.responseTopic)
                && Arrays.equals(correlationData, m.correlationData)
                && Objects.equals(messageExpiryInterval, m.messageExpiryInterval)
                && userProperties.equals(m.userProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, Arrays.hashCode(payload), qos, retained, duplicate, contentType, userProperties);
    }

    @Override
    public String toString() {
        return "MqttInboundMessage[topic=" + topic + ", qos=" + qos + ", retained=" + retained
                + ", duplicate=" + duplicate + ", payload=" + payload.length + " bytes]";
    }
}
