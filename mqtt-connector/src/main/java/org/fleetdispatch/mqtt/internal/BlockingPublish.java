package org.fleetdispatch.mqtt.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.MqttOutboundMessage;
import org.fleetdispatch.mqtt.MqttPublishOptions;

/** Publishing through a {@link ReconnectingClient} and waiting for the broker's acknowledgement. */
public final class BlockingPublish {

    private BlockingPublish() {
    }

    /** Why a publish failed, with the broker URI in the message. */
    public static final class PublishException extends Exception {
        private final int published;

        public PublishException(String message, Throwable cause) {
            this(message, cause, 0);
        }

        PublishException(String message, Throwable cause, int published) {
            super(message, cause);
            this.published = published;
        }

        /** Of a batch ({@link #publishAll}): how many messages from the first were published before this one. */
        public int published() {
            return published;
        }
    }

    /**
     * Publishes and waits until the broker acknowledged it (QoS 1: PUBACK, QoS 2: PUBCOMP; QoS 0: until
     * written), waiting for a connection first if there is none. Paho's "too many publishes in flight"
     * (the broker's receive maximum) is waited out within the same timeout.
     */
    public static void publish(ReconnectingClient client, String topic, byte[] payload, int qos, boolean retained,
            MqttPublishOptions options, Duration timeout) throws PublishException {
        publishAll(client, List.of(new MqttOutboundMessage(topic, payload, qos, retained, options)), timeout);
    }

    /**
     * As {@link #publish} for each message in turn, but each is handed to Paho without waiting for the one before:
     * Paho writes them in that order on the one connection, and the waits for the broker overlap. With a
     * connection shared by threads, the wait per message was most of the relay's time, a thread hand-off to
     * Paho's sender and back on a busy machine (ADR 0016). Where the QoS changes, what went before is waited for
     * first: handed over together, QoS 0 messages overtook QoS 1 ones that waited for room in the broker's receive
     * maximum (seen in the adapter's test against HiveMQ CE).
     *
     * @throws PublishException at the first message that failed, with {@link PublishException#published()} the
     *                          number before it that were published
     */
    public static void publishAll(ReconnectingClient client, List<MqttOutboundMessage> messages, Duration timeout)
            throws PublishException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String broker = client.status().serverUri();
        List<IMqttToken> tokens = new ArrayList<>(messages.size());
        try {
            if (!client.awaitConnected(timeout)) {
                throw new PublishException("MQTT broker " + broker + ": not connected within "
                        + Durations.format(timeout) + ": " + client.lastError(), null);
            }
            int from = 0;
            while (from < messages.size()) {
                int to = from + 1;
                while (to < messages.size() && messages.get(to).qos() == messages.get(from).qos()) {
                    to++;
                }
                PublishException handing = null;
                for (MqttOutboundMessage m : messages.subList(from, to)) {
                    try {
                        tokens.add(hand(client, m, tokens, deadline));
                    } catch (PublishException e) {
                        handing = e;
                        break;
                    }
                }
                for (int i = from; i < tokens.size(); i++) {
                    try {
                        awaitAcknowledged(tokens.get(i), messages.get(i).topic(), client, deadline);
                    } catch (PublishException e) {
                        throw new PublishException(e.getMessage(), e.getCause(), i);
                    }
                }
                if (handing != null) {
                    throw new PublishException(handing.getMessage(), handing.getCause(), tokens.size());
                }
                from = to;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("MQTT broker " + broker + ": interrupted while publishing", e,
                    acknowledged(tokens));
        }
    }

    /** Hands one message to Paho; "too many in flight" waits for this batch's oldest unacknowledged message. */
    private static IMqttToken hand(ReconnectingClient client, MqttOutboundMessage m, List<IMqttToken> sent,
            long deadline) throws PublishException, InterruptedException {
        MqttMessage message = PahoMessages.toPaho(m.payload(), m.qos(), m.retained(), m.options());
        long pause = 1;
        int oldest = 0;
        while (true) {
            try {
                return client.paho().publish(m.topic(), message);
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT && System.nanoTime() < deadline) {
                    while (oldest < sent.size() && sent.get(oldest).isComplete()) {
                        oldest++;
                    }
                    if (oldest < sent.size()) {
                        try {
                            sent.get(oldest).waitForCompletion(millisLeft(deadline));
                        } catch (MqttException earlier) {
                            // that one failed, and the batch with it: the wait for the acknowledgements reports it
                            throw failed(client, m.topic(), earlier);
                        }
                    } else {
                        // the publishes in flight are other threads' on the same client
                        Thread.sleep(pause);
                        pause = Math.min(20, pause * 2);
                    }
                    continue;
                }
                throw failed(client, m.topic(), e);
            }
        }
    }

    private static void awaitAcknowledged(IMqttToken token, String topic, ReconnectingClient client, long deadline)
            throws PublishException {
        try {
            token.waitForCompletion(millisLeft(deadline));
        } catch (MqttException e) {
            throw failed(client, topic, e);
        }
        int[] codes = token.getReasonCodes();
        if (codes != null) {
            for (int code : codes) {
                if (code >= 0x80) {
                    throw new PublishException("MQTT broker " + client.status().serverUri() + " refused the message"
                            + " to '" + topic + "': reason code " + code + " (" + reason(code) + ")", null);
                }
            }
        }
    }

    private static PublishException failed(ReconnectingClient client, String topic, MqttException e) {
        String why = e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT
                ? "no acknowledgement within the publish timeout" : PahoErrors.describe(e);
        return new PublishException("MQTT broker " + client.status().serverUri() + ": publishing to '" + topic
                + "' failed: " + why, e);
    }

    /** How many tokens from the first completed without an error. */
    private static int acknowledged(List<IMqttToken> tokens) {
        int n = 0;
        while (n < tokens.size() && tokens.get(n).isComplete() && tokens.get(n).getException() == null) {
            n++;
        }
        return n;
    }

    private static long millisLeft(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    /** Names of the MQTT 5 PUBACK/PUBREC reason codes that mean failure. */
    static String reason(int code) {
        return switch (code) {
            case 0x80 -> "unspecified error";
            case 0x83 -> "implementation specific error";
            case 0x87 -> "not authorized";
            case 0x90 -> "topic name invalid";
            case 0x91 -> "packet identifier in use";
            case 0x97 -> "quota exceeded";
            case 0x99 -> "payload format invalid";
            default -> "failure";
        };
    }
}
