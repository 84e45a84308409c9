package org.fleetdispatch.launcher.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A plain MQTT 5 client for tests that play a robot or watch the wire: subscribe, publish, and take
 * what arrived with a deadline.
 */
public final class MqttTestClient implements AutoCloseable {

    /** A message as received. */
    public record Received(String topic, byte[] payload, int qos, boolean retained) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final MqttClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private MqttTestClient(MqttClient client) {
        this.client = client;
    }

    public static MqttTestClient connect(String serverUri, String clientId) throws MqttException {
        MqttTestClient test = new MqttTestClient(new MqttClient(serverUri, clientId, new MemoryPersistence()));
        test.client.setCallback(test.new Inbox());
        test.client.connect(new MqttConnectionOptions());
        return test;
    }

    public void subscribe(String topicFilter) throws MqttException {
        client.subscribe(topicFilter, 1);
    }

    /** Publishes with QoS 1 and waits for the broker's acknowledgement. */
    public void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    }

    /** The next message received, waiting up to {@code timeout}; {@code null} when none came. */
    public Received next(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } finally {
            client.close();
        }
    }

    private final class Inbox implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message.getPayload(), message.getQos(), message.isRetained()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
