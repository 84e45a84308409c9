package org.fleetdispatch.mqtt.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;
import java.util.List;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttOutboundMessage;
import org.fleetdispatch.mqtt.MqttPublishException;
import org.fleetdispatch.mqtt.MqttPublishOptions;

/** The handle an application holds: validates its arguments and publishes through its managed connection. */
final class MqttConnectionImpl implements MqttConnection {

    private volatile MqttManagedConnection managed;
    private volatile boolean closed;

    MqttConnectionImpl(MqttManagedConnection managed) {
        this.managed = managed;
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retained, MqttPublishOptions options)
            throws ResourceException {
        publishAll(List.of(new MqttOutboundMessage(topic, payload, qos, retained, options)));
    }

    @Override
    public void publishAll(List<MqttOutboundMessage> messages) throws MqttPublishException {
        try {
            MqttManagedConnection mc = open();
            for (MqttOutboundMessage m : messages) {
                check(m.topic(), m.qos());
            }
            mc.publishAll(messages);
        } catch (MqttPublishException e) {
            throw e;
        } catch (ResourceException e) {
            throw new MqttPublishException(e.getMessage(), e, 0); // nothing was handed to the client
        }
    }

    private MqttManagedConnection open() throws IllegalStateException {
        MqttManagedConnection mc = managed;
        if (closed || mc == null) {
            throw new IllegalStateException("this MQTT connection is closed");
        }
        return mc;
    }

    private static void check(String topic, int qos) throws ResourceException {
        if (topic == null || topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            throw new ResourceException("not an MQTT topic name: '" + topic + "' (no wildcards, not empty)");
        }
        if (qos < 0 || qos > 2) {
            throw new ResourceException("qos must be 0, 1 or 2, was " + qos);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        MqttManagedConnection mc = managed;
        if (mc != null) {
            mc.closed(this);
        }
    }

    void reassociate(MqttManagedConnection to) {
        MqttManagedConnection from = managed;
        if (from != null && from != to) {
            from.dissociate(this);
        }
        managed = to;
    }

    void invalidate() {
        managed = null;
    }
}
