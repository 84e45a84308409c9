package org.fleetdispatch.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.time.Instant;
import org.fleetdispatch.dispatch.RobotEvents;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.Topic;

/**
 * VDA 5050 {@code connection} of every robot. Not shared: connection messages are retained, and MQTT 5
 * does not deliver retained messages to shared subscriptions; every instance applies them (idempotently).
 *
 * <p>One worker, not the adapter's default four: at a fleet's start every robot's {@code connection} arrives with
 * its first state, and only the state starts the robot's mission. On a CPU-bound start, four workers here took as
 * much of the cores as the state bean's four (ADR 0014).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/connection"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "1")
})
public class RobotConnectionMdb implements MqttMessageListener {

    @EJB
    private RobotEvents events;

    /** Looked up, not injected: no CDI injection points in a message-driven bean (ADR 0012). */
    private Vda5050Intake intake;

    @PostConstruct
    void lookUp() {
        intake = Vda5050Intake.lookUp(Vda5050Intake.class);
    }

    @Override
    public void onMessage(MqttInboundMessage message) {
        var received = intake.decode(message, Topic.CONNECTION, Connection.class);
        events.onConnection(received.topic().manufacturer(), received.topic().serialNumber(), received.message(), Instant.now());
    }
}
