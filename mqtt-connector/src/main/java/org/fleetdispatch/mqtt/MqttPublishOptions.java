package org.fleetdispatch.mqtt;

import java.io.Serializable;
import java.util.List;

/**
 * MQTT 5 properties of an outgoing message. All optional.
 *
 * @param contentType           content type, e.g. {@code application/json}, or {@code null}
 * @param responseTopic         response topic, or {@code null}
 * @param correlationData       correlation data, or {@code null}
 * @param messageExpiryInterval seconds after which the broker may discard it, or {@code null}
 * @param userProperties        user properties in the order they go on the wire
 */
public record MqttPublishOptions(
        String contentType,
        String responseTopic,
        byte[] correlationData,
        Long messageExpiryInterval,
        List<MqttUserProperty> userProperties) implements Serializable {

    public static final MqttPublishOptions NONE = new MqttPublishOptions(null, null, null, null, List.of());

    public MqttPublishOptions {
        correlationData = correlationData == null ? null : correlationData.clone();
        userProperties = userProperties == null ? List.of() : List.copyOf(userProperties);
    }

    public static MqttPublishOptions contentType(String contentType) {
        return new MqttPublishOptions(contentType, null, null, null, List.of());
    }

    public MqttPublishOptions withUserProperty(String name, String value) {
        var all = new java.util.ArrayList<>(userProperties);
        all.add(new MqttUserProperty(name, value));
        return new MqttPublishOptions(contentType, responseTopic, correlationData, messageExpiryInterval, all);
    }
}
