package org.fleetdispatch.messaging;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ApplicationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.fleetdispatch.dispatch.Vda5050Json;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageRejectedException;
import org.fleetdispatch.platform.Timers;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.TopicName;
import org.fleetdispatch.vda5050.Vda5050Exception;
import org.fleetdispatch.vda5050.Vda5050Message;

/**
 * What every VDA 5050 message-driven bean does first: read the topic, decode and validate the payload,
 * and refuse what cannot be processed (logged, counted, dead-lettered by the adapter, never retried); and the
 * state messages' metrics.
 *
 * <p>The message-driven beans hold no CDI injection points and look this bean up instead (ADR 0012): Payara
 * fires {@code ProcessInjectionTarget} for every new instance of a message-driven bean, and Jersey's CDI
 * extension then records the instance's {@code @Inject} members in a plain {@code HashMap} that every REST
 * request iterates, so a first instance created while requests ran failed one of them with
 * {@code ConcurrentModificationException}.
 */
@ApplicationScoped
public class Vda5050Intake {

    private static final Logger LOG = Logger.getLogger(Vda5050Intake.class.getName());

    /** A message that is not VDA 5050: rolled back (nothing happened) and dead-lettered without retries. */
    @ApplicationException(rollback = true)
    static class RejectedMessage extends MqttMessageRejectedException {
        RejectedMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public record Received<T extends Vda5050Message>(TopicName topic, T message) {
    }

    @Inject
    private Vda5050Json json;

    @Inject
    private MetricRegistry metrics;

    private Counter statesProcessed;
    private Timer stateAge;

    /** A bean of the application, for a message-driven bean to keep (see the class comment). */
    static <T> T lookUp(Class<T> type) {
        return CDI.current().select(type).get();
    }

    @PostConstruct
    void register() {
        // lets an operator (and the benchmark) see how many state messages per second the server keeps up with
        statesProcessed = metrics.counter(Metadata.builder().withName("fleetdispatch_state_messages")
                .withDescription("Robot state messages processed (decoded and handed to the dispatcher without an exception)")
                .build());
        // how far behind the robots the server is: from the robot's header timestamp to the bean taking the message
        // up, which covers the broker's and the adapter's queues; as exact as the robots' clocks are synchronised
        // with the server's (VDA 5050 asks for NTP)
        stateAge = Timers.timer(metrics, Metadata.builder().withName("fleetdispatch_state_age")
                .withDescription("Time from a robot's state header timestamp to the server taking the message up")
                .build());
    }

    /**
     * @throws RejectedMessage when the topic or the payload is not the VDA 5050 message {@code expected}
     */
    public <T extends Vda5050Message> Received<T> decode(MqttInboundMessage in, Topic expected, Class<T> type) {
        try {
            TopicName topic = TopicName.parse(in.topic());
            if (topic.topic() != expected) {
                throw new IllegalArgumentException("expected a " + expected.level() + " topic");
            }
            return new Received<>(topic, json.decode(in.payload(), type));
        } catch (Vda5050Exception | IllegalArgumentException e) {
            metrics.counter("fleetdispatch_mqtt_rejected", new Tag("topic", expected.level())).inc();
            LOG.warning(() -> "Rejected message on " + in.topic() + ": " + e.getMessage() + " (payload starts: "
                    + excerpt(in.payload()) + ")");
            throw new RejectedMessage("not a valid VDA 5050 " + expected.level() + " message: " + e.getMessage(), e);
        }
    }

    /** A state message stamped {@code sent} by its robot was taken up at {@code takenUp}; a clock ahead counts as 0. */
    public void stateTakenUp(Instant sent, Instant takenUp) {
        if (sent != null) {
            stateAge.update(sent.isBefore(takenUp) ? Duration.between(sent, takenUp) : Duration.ZERO);
        }
    }

    /** A state message was handed to the dispatcher without an exception. */
    public void stateProcessed() {
        statesProcessed.inc();
    }

    /** Enough of the payload to find the culprit, never so much that a log fills with it. */
    static String excerpt(byte[] payload) {
        String text = new String(payload, 0, Math.min(payload.length, 120), StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?") + (payload.length > 120 ? "…" : "");
    }
}
