package org.fleetdispatch.mqtt.internal;

import java.time.Duration;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.MqttPublishOptions;

/** Publishing through a {@link ReconnectingClient} and waiting for the broker's acknowledgement. */
public final class BlockingPublish {

    private BlockingPublish() {
    }

    /** Why a publish failed, with the broker URI in the message. */
    public static final class PublishException extends Exception {
        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Publishes and waits until the broker acknowledged it (QoS 1: PUBACK, QoS 2: PUBCOMP; QoS 0: until
     * written), waiting for a connection first if there is none. Paho's "too many publishes in flight"
     * (the broker's receive maximum) is waited out within the same timeout.
     */
    public static void publish(ReconnectingClient client, String topic, byte[] payload, int qos, boolean retained,
            MqttPublishOptions options, Duration timeout) throws PublishException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String broker = client.status().serverUri();
        try {
            if (!client.awaitConnected(timeout)) {
                throw new PublishException("MQTT broker " + broker + ": not connected within "
                        + Durations.format(timeout) + ": " + client.lastError(), null);
            }
            MqttMessage message = PahoMessages.toPaho(payload, qos, retained, options);
            long pause = 1;
            while (true) {
                broker = client.status().serverUri();
                try {
                    IMqttToken token = client.paho().publish(topic, message);
                    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                    token.waitForCompletion(left);
                    int[] codes = token.getReasonCodes();
                    if (codes != null) {
                        for (int code : codes) {
                            if (code >= 0x80) {
                                throw new PublishException("MQTT broker " + broker + " refused the message to '"
                                        + topic + "': reason code " + code + " (" + reason(code) + ")", null);
                            }
                        }
                    }
                    return;
                } catch (MqttException e) {
                    if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT && System.nanoTime() < deadline) {
                        Thread.sleep(pause);
                        pause = Math.min(20, pause * 2);
                        continue;
                    }
                    String why = e.getReasonCode() == MqttClientException.REASON_CODE_CLIENT_TIMEOUT
                            ? "no acknowledgement within " + Durations.format(timeout) : PahoErrors.describe(e);
                    throw new PublishException("MQTT broker " + broker + ": publishing to '" + topic + "' failed: "
                            + why, e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException("MQTT broker " + broker + ": interrupted while publishing to '" + topic + "'",
                    e);
        }
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
