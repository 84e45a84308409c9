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
import org.fleetdispatch.vda5050.Factsheet;
import org.fleetdispatch.vda5050.Topic;

/** VDA 5050 {@code factsheet} of every robot (retained, so not a shared subscription). */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/factsheet"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1")
})
public class RobotFactsheetMdb implements MqttMessageListener {

    @Inject
    private RobotEvents events;

    @Inject
    private Vda5050Json json;

    @Inject
    private MetricRegistry metrics;

    @Override
    public void onMessage(MqttInboundMessage message) {
        var received = Vda5050Mdbs.decode(message, Topic.FACTSHEET, Factsheet.class, json, metrics);
        events.onFactsheet(received.topic().manufacturer(), received.topic().serialNumber(), received.message(),
                message.payload(), Instant.now());
    }
}
