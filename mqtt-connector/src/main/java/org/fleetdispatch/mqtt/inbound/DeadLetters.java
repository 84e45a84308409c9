package org.fleetdispatch.mqtt.inbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttPublishOptions;
import org.fleetdispatch.mqtt.MqttUserProperty;

/**
 * What a dead letter looks like: the original payload and MQTT 5 properties, plus user properties
 * that say where it came from and why it was set aside.
 */
public final class DeadLetters {

    public static final String ORIGINAL_TOPIC = "dead-letter-topic";
    public static final String ERROR = "dead-letter-error";
    public static final String ERROR_CLASS = "dead-letter-error-class";
    public static final String ATTEMPTS = "dead-letter-attempts";
    public static final String CLIENT_ID = "dead-letter-client-id";
    public static final String TIME = "dead-letter-time";

    private static final int MAX_ERROR = 2000;

    private DeadLetters() {
    }

    /** The options of the dead letter: the original's properties (no expiry) and the error. */
    public static MqttPublishOptions options(MqttInboundMessage m, Throwable error, int attempts, String clientId,
            Instant when) {
        List<MqttUserProperty> user = new ArrayList<>(m.userProperties());
        Throwable root = rootCause(error);
        user.add(new MqttUserProperty(ORIGINAL_TOPIC, m.topic()));
        user.add(new MqttUserProperty(ERROR, truncate(describe(error, root))));
        user.add(new MqttUserProperty(ERROR_CLASS, root == null ? "unknown" : root.getClass().getName()));
        user.add(new MqttUserProperty(ATTEMPTS, Integer.toString(attempts)));
        user.add(new MqttUserProperty(CLIENT_ID, clientId));
        user.add(new MqttUserProperty(TIME, when.toString()));
        return new MqttPublishOptions(m.contentType(), m.responseTopic(), m.correlationData(), null, user);
    }

    static Throwable rootCause(Throwable t) {
        Throwable r = t;
        while (r != null && r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r;
    }

    private static String describe(Throwable error, Throwable root) {
        if (error == null) {
            return "unknown";
        }
        String top = error.toString();
        return root == error ? top : top + " caused by " + root;
    }


    private static String truncate(String s) {
        return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "...";
    }
}
