package org.fleetdispatch.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.fleetdispatch.dispatch.MalformedMessageException;
import org.fleetdispatch.dispatch.RobotService;
import org.fleetdispatch.dispatch.StateReport;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;

/** VDA 5050 {@code state} messages of every robot, on any interface name. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "serverUris", propertyValue = "${MPCONFIG=fleetdispatch.mqtt.uri}"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "fleetdispatch-state"),
        @ActivationConfigProperty(propertyName = "topicFilter", propertyValue = "+/v2/+/+/state"),
        @ActivationConfigProperty(propertyName = "qos", propertyValue = "1")
})
public class RobotStateMdb implements MqttMessageListener {

    private static final Logger LOG = Logger.getLogger(RobotStateMdb.class.getName());

    @Inject
    private RobotService robots;

    @Inject
    private MetricRegistry metrics;

    @Override
    public void onMessage(MqttInboundMessage message) {
        StateReport report;
        try {
            report = StateReport.parse(message.topic(), message.payload());
        } catch (MalformedMessageException e) {
            rejected("state").inc();
            LOG.warning(() -> "Rejected message on " + message.topic() + ": " + e.getMessage()
                    + " (payload starts: " + excerpt(message.payload()) + ")");
            return;
        }
        robots.reportState(report);
    }

    private Counter rejected(String topic) {
        return metrics.counter("fleetdispatch_mqtt_rejected", new Tag("topic", topic));
    }

    /** Enough of the payload to find the culprit, never so much that a log fills with it. */
    static String excerpt(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 120), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?") + (payload.length > 120 ? "…" : "");
    }
}
