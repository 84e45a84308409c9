package org.fleetdispatch.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttPublishOptions;
import org.fleetdispatch.mqtt.MqttUserProperty;

/** Conversions between Paho's message types and the adapter's API types. */
public final class PahoMessages {

    private PahoMessages() {
    }

    public static MqttInboundMessage toInbound(String topic, MqttMessage m) {
        MqttProperties p = m.getProperties();
        List<MqttUserProperty> user = new ArrayList<>();
        String contentType = null;
        String responseTopic = null;
        byte[] correlation = null;
        Long expiry = null;
        if (p != null) {
            for (UserProperty u : p.getUserProperties()) {
                user.add(new MqttUserProperty(u.getKey(), u.getValue()));
            }
            contentType = p.getContentType();
            responseTopic = p.getResponseTopic();
            correlation = p.getCorrelationData();
            expiry = p.getMessageExpiryInterval();
        }
        return new MqttInboundMessage(topic, m.getPayload(), m.getQos(), m.isRetained(), m.isDuplicate(),
                contentType, responseTopic, correlation, expiry, user);
    }

    public static MqttMessage toPaho(byte[] payload, int qos, boolean retained, MqttPublishOptions options) {
        MqttMessage m = new MqttMessage(payload == null ? new byte[0] : payload);
        m.setQos(qos);
        m.setRetained(retained);
        MqttPublishOptions o = options == null ? MqttPublishOptions.NONE : options;
        MqttProperties p = new MqttProperties();
        if (o.contentType() != null) {
            p.setContentType(o.contentType());
        }
        if (o.responseTopic() != null) {
            p.setResponseTopic(o.responseTopic());
        }
        if (o.correlationData() != null) {
            p.setCorrelationData(o.correlationData());
        }
        if (o.messageExpiryInterval() != null) {
            p.setMessageExpiryInterval(o.messageExpiryInterval());
        }
        if (!o.userProperties().isEmpty()) {
            List<UserProperty> user = new ArrayList<>();
            for (MqttUserProperty u : o.userProperties()) {
                user.add(new UserProperty(u.name(), u.value()));
            }
            p.setUserProperties(user);
        }
        m.setProperties(p);
        return m;
    }

    /** The options that carry a received message's properties on when it is published again. */
    public static MqttPublishOptions optionsOf(MqttInboundMessage m) {
        return new MqttPublishOptions(m.contentType(), m.responseTopic(), m.correlationData(),
                m.messageExpiryInterval(), m.userProperties());
    }
}
