package org.fleetdispatch.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.fleetdispatch.dispatch.RobotEvents;
import org.fleetdispatch.dispatch.Vda5050Json;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.Topic;

/**
 * VDA 5050 {@code connection} of every robot. Not shared: connection messages are retained, and MQTT 5
 * does not deliver retained messages to shared subscriptions; every instance applies them (idempotently).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/connection"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1")
})
public class RobotConnectionMdb implements MqttMessageListener {

    @Inject
    private RobotEvents events;

    @Inject
    private Vda5050Json json;

    @Inject
    private MetricRegistry metrics;

    @Override
    public void onMessage(MqttInboundMessage message) {
        var received = Vda5050Mdbs.decode(message, Topic.CONNECTION, Connection.class, json, metrics);
        events.onConnection(received.topic().manufacturer(), received.topic().serialNumber(), received.message(), Instant.now());
    }
}
