package org.fleetdispatch.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Instant;
import org.fleetdispatch.dispatch.RobotStateHandler;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;

/**
 * VDA 5050 {@code state} of every robot, on any interface name. A shared subscription, so that several
 * server instances split the robots' state messages between them.
 *
 * <p>Up to 1,000 state messages in flight instead of the adapter's 100: they are acknowledged only after the
 * handler returns, and at 2,000 a second a few slow paths holding their lanes can fill a window of 100, which makes
 * the broker hold back the states of robots whose lanes are free (ADR 0015).
 *
 * <p>Not in a transaction: most state messages are only remembered in memory, and the ones the
 * dispatcher acts on get a transaction of their own from the handler, committed before this returns
 * and so before the adapter acknowledges the message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/state"),
        @ActivationConfigProperty(propertyName = "sharedSubscriptionGroup", propertyValue = "fleetdispatch"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "receiveMaximum", propertyValue = "1000")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RobotStateMdb implements MqttMessageListener {

    /** Looked up, not injected: no CDI injection points in a message-driven bean (ADR 0012). */
    private Vda5050Intake intake;
    private RobotStateHandler handler;

    @PostConstruct
    void lookUp() {
        intake = Vda5050Intake.lookUp(Vda5050Intake.class);
        handler = Vda5050Intake.lookUp(RobotStateHandler.class);
    }

    @Override
    public void onMessage(MqttInboundMessage message) {
        Instant receivedAt = Instant.now();
        var received = intake.decode(message, Topic.STATE, State.class);
        intake.stateTakenUp(received.message().timestamp(), receivedAt);
        handler.onState(received.topic().manufacturer(), received.topic().serialNumber(), received.message(), receivedAt);
        intake.stateProcessed();
    }
}
