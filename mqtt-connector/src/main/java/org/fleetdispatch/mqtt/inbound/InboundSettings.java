package org.fleetdispatch.mqtt.inbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mqtt.internal.Backoff;
import org.fleetdispatch.mqtt.internal.ConnectionSettings;
import org.fleetdispatch.mqtt.internal.Durations;
import org.fleetdispatch.mqtt.internal.Placeholders;
import org.fleetdispatch.mqtt.internal.SettingsReader;

/**
 * The validated settings of one activation (one message-driven bean): how to connect, what to
 * subscribe to, and how to deliver.
 *
 * @param connection      broker connection
 * @param topicFilters    the filters as subscribed (with {@code $share/<group>/} when shared)
 * @param qos             subscription QoS, 0 or 1
 * @param lanes           number of ordered lanes topics hash onto
 * @param maxConcurrency  how many lanes deliver at once
 * @param maxPending      how many messages may wait in the lanes before reading from the broker pauses
 * @param maxRetries      retries of a failing message before it is dead-lettered
 * @param retryBackoff    backoff between retries (and dead-letter attempts)
 * @param deadLetterTopic topic template for dead letters, {@code {topic}} standing for the original topic
 * @param publishTimeout  how long a dead-letter publish may wait for the broker's acknowledgement
 */
public record InboundSettings(
        ConnectionSettings connection,
        List<String> topicFilters,
        int qos,
        int lanes,
        int maxConcurrency,
        int maxPending,
        int maxRetries,
        Backoff retryBackoff,
        String deadLetterTopic,
        Duration publishTimeout) {

    public static final String TOPIC_FILTER = "topicFilter";
    public static final String QOS = "qos";
    public static final String SHARED_SUBSCRIPTION_GROUP = "sharedSubscriptionGroup";
    public static final String LANES = "lanes";
    public static final String MAX_CONCURRENCY = "maxConcurrency";
    public static final String MAX_PENDING = "maxPendingMessages";
    public static final String MAX_RETRIES = "maxRetries";
    public static final String RETRY_BACKOFF = "retryBackoff";
    public static final String RETRY_BACKOFF_MAX = "retryBackoffMax";
    public static final String DEAD_LETTER_TOPIC = "deadLetterTopic";
    public static final String PUBLISH_TIMEOUT = "publishTimeout";

    /** Default session expiry of inbound clients: one day of messages kept while the server is down. */
    public static final long DEFAULT_SESSION_EXPIRY = 86_400;
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "dead-letter/{topic}";

    /**
     * Reads and validates everything; throws one exception listing every problem.
     *
     * @param raw             property name to configured value
     * @param defaultClientId the client id when none is configured
     */
    public static InboundSettings parse(Map<String, String> raw, Placeholders placeholders, String defaultClientId) {
        SettingsReader r = new SettingsReader(raw, placeholders);
        ConnectionSettings connection = ConnectionSettings.read(r, defaultClientId, false, DEFAULT_SESSION_EXPIRY);
        List<String> filters = r.list(TOPIC_FILTER);
        if (filters.isEmpty() && r.problems().stream().noneMatch(p -> p.startsWith(TOPIC_FILTER + ":"))) {
            r.problem(TOPIC_FILTER + " is required: one or more MQTT topic filters separated by commas, "
                    + "e.g. uagv/v2/+/+/state");
        }
        for (String f : filters) {
            checkFilter(r, f);
        }
        int qos = (int) r.integer(QOS, 1, 0, 2);
        if (qos == 2) {
            r.problem(QOS + "=2 is not supported for message-driven beans: the Paho client acknowledges QoS 2 "
                    + "(PUBREC) on receipt, before the bean ran, which would lose messages on a crash; use qos=1 "
                    + "(messages published with QoS 2 are then delivered at QoS 1, at least once)");
        }
        String group = r.string(SHARED_SUBSCRIPTION_GROUP);
        if (group != null && (group.contains("/") || group.contains("+") || group.contains("#"))) {
            r.problem(SHARED_SUBSCRIPTION_GROUP + " must not contain '/', '+' or '#', was '" + group + "'");
        }
        List<String> subscribed = new ArrayList<>();
        for (String f : filters) {
            if (group != null && f.startsWith("$share/")) {
                r.problem(TOPIC_FILTER + " '" + f + "' already is a shared subscription; drop "
                        + SHARED_SUBSCRIPTION_GROUP + " or the $share/ prefix");
            }
            subscribed.add(group == null ? f : "$share/" + group + "/" + f);
        }
        int maxConcurrency = (int) r.integer(MAX_CONCURRENCY, 4, 1, 1024);
        int lanes = (int) r.integer(LANES, Math.max(16, maxConcurrency * 4L), 1, 65536);
        if (lanes < maxConcurrency) {
            r.problem(LANES + " (" + lanes + ") must be at least " + MAX_CONCURRENCY + " (" + maxConcurrency
                    + "), else some workers could never run");
        }
        int maxPending = (int) r.integer(MAX_PENDING, 2L * connection.receiveMaximum(), 1, 1_000_000);
        if (maxPending < connection.receiveMaximum() && qos > 0) {
            r.problem(MAX_PENDING + " (" + maxPending + ") must be at least " + ConnectionSettings.RECEIVE_MAXIMUM
                    + " (" + connection.receiveMaximum() + ") so that acknowledgements can always be sent");
        }
        int maxRetries = (int) r.integer(MAX_RETRIES, 5, 0, 1000);
        Duration backoff = r.duration(RETRY_BACKOFF, Duration.ofMillis(200), "ms", Duration.ZERO, Duration.ofHours(1));
        Duration backoffMax = r.duration(RETRY_BACKOFF_MAX, Duration.ofSeconds(10), "ms", Duration.ZERO,
                Duration.ofHours(1));
        if (backoffMax.compareTo(backoff) < 0) {
            r.problem(RETRY_BACKOFF_MAX + " (" + Durations.format(backoffMax) + ") is less than " + RETRY_BACKOFF
                    + " (" + Durations.format(backoff) + ")");
            backoffMax = backoff;
        }
        String deadLetterTopic = r.string(DEAD_LETTER_TOPIC, DEFAULT_DEAD_LETTER_TOPIC);
        if (deadLetterTopic.contains("+") || deadLetterTopic.contains("#") || deadLetterTopic.startsWith("$")) {
            r.problem(DEAD_LETTER_TOPIC + " must be a topic name (no '+', '#', not starting with '$'), was '"
                    + deadLetterTopic + "'");
        }
        Duration publishTimeout = r.duration(PUBLISH_TIMEOUT, Duration.ofSeconds(10), "ms", Duration.ofMillis(100),
                Duration.ofMinutes(10));
        r.throwIfProblems("MQTT activation settings");
        return new InboundSettings(connection, List.copyOf(subscribed), qos, lanes, maxConcurrency, maxPending,
                maxRetries, new Backoff(backoff, backoffMax), deadLetterTopic, publishTimeout);
    }

    private static void checkFilter(SettingsReader r, String f) {
        String[] levels = f.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String l = levels[i];
            if (l.contains("#") && (!l.equals("#") || i != levels.length - 1)) {
                r.problem(TOPIC_FILTER + " '" + f + "': '#' must be a whole last level");
                return;
            }
            if (l.contains("+") && !l.equals("+")) {
                r.problem(TOPIC_FILTER + " '" + f + "': '+' must be a whole level");
                return;
            }
        }
    }

    /** The dead-letter topic for a message that arrived on {@code topic}. */
    public String deadLetterTopicFor(String topic) {
        return deadLetterTopic.replace("{topic}", topic);
    }
}
