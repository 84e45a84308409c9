package org.fleetdispatch.mqtt.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;
import org.fleetdispatch.mqtt.MqttConnection;
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
        MqttManagedConnection mc = managed;
        if (closed || mc == null) {
            throw new IllegalStateException("this MQTT connection is closed");
        }
        if (topic == null || topic.isEmpty() || topic.contains("+") || topic.contains("#")) {
            throw new ResourceException("not an MQTT topic name: '" + topic + "' (no wildcards, not empty)");
        }
        if (qos < 0 || qos > 2) {
            throw new ResourceException("qos must be 0, 1 or 2, was " + qos);
        }
        mc.publish(topic, payload, qos, retained, options);
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
