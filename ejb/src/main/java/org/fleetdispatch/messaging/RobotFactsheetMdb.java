package org.fleetdispatch.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import java.time.Instant;
import org.fleetdispatch.dispatch.RobotEvents;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.vda5050.Factsheet;
import org.fleetdispatch.vda5050.Topic;

/**
 * VDA 5050 {@code factsheet} of every robot (retained, so not a shared subscription). One worker, like
 * {@code connection}'s: nothing waits for a factsheet, and at a fleet's start it should not take the cores from the
 * states that start the robots' missions (ADR 0014).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/factsheet"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "maxConcurrency", propertyValue = "1")
})
public class RobotFactsheetMdb implements MqttMessageListener {

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
        var received = intake.decode(message, Topic.FACTSHEET, Factsheet.class);
        events.onFactsheet(received.topic().manufacturer(), received.topic().serialNumber(), received.message(),
                message.payload(), Instant.now());
    }
}
