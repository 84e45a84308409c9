package org.fleetdispatch.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.fleetdispatch.dispatch.RobotStateHandler;
import org.fleetdispatch.dispatch.Vda5050Json;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;

/**
 * VDA 5050 {@code state} of every robot, on any interface name. A shared subscription, so that several
 * server instances split the robots' state messages between them.
 *
 * <p>Not in a transaction: most state messages are only remembered in memory, and the ones the
 * dispatcher acts on get a transaction of their own from the handler, committed before this returns
 * and so before the adapter acknowledges the message.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/state"),
        @ActivationConfigProperty(propertyName = "sharedSubscriptionGroup", propertyValue = "fleetdispatch"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RobotStateMdb implements MqttMessageListener {

    @Inject
    private RobotStateHandler handler;

    @Inject
    private Vda5050Json json;

    @Inject
    private MetricRegistry metrics;

    /** Lets an operator (and the benchmark) see how many state messages per second the server keeps up with. */
    @Inject
    @Metric(name = "fleetdispatch_state_messages", absolute = true,
            description = "Robot state messages processed (decoded and handed to the dispatcher without an exception)")
    private Counter processed;

    /**
     * How far behind the robots the server is: from the robot's header timestamp to this bean taking the
     * message up, which covers the broker's and the adapter's queues. As exact as the robots' clocks are
     * synchronised with the server's (VDA 5050 asks for NTP); a robot clock ahead of ours counts as zero.
     */
    @Inject
    @Metric(name = "fleetdispatch_state_age", absolute = true,
            description = "Time from a robot's state header timestamp to the server taking the message up")
    private Timer age;

    @Override
    public void onMessage(MqttInboundMessage message) {
        Instant receivedAt = Instant.now();
        var received = Vda5050Mdbs.decode(message, Topic.STATE, State.class, json, metrics);
        Instant sent = received.message().timestamp();
        if (sent != null) {
            age.update(sent.isBefore(receivedAt) ? Duration.between(sent, receivedAt) : Duration.ZERO);
        }
        handler.onState(received.topic().manufacturer(), received.topic().serialNumber(), received.message(), receivedAt);
        processed.inc();
    }
}
