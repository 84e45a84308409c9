package org.fleetdispatch.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
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
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/state"),
        @ActivationConfigProperty(propertyName = "sharedSubscriptionGroup", propertyValue = "fleetdispatch"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1")
})
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

    @Override
    public void onMessage(MqttInboundMessage message) {
        Instant receivedAt = Instant.now();
        var received = Vda5050Mdbs.decode(message, Topic.STATE, State.class, json, metrics);
        handler.onState(received.topic().manufacturer(), received.topic().serialNumber(), received.message(), receivedAt);
        processed.inc();
    }
}
