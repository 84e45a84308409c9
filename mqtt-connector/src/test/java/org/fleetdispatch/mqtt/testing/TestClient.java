package org.fleetdispatch.mqtt.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;

/** A plain Paho client for tests: publishes and collects what arrives on its subscriptions. */
public final class TestClient implements AutoCloseable {

    private final MqttClient client;
    private final Map<String, List<MqttMessage>> received = new ConcurrentHashMap<>();
    private final List<String> arrivals = new CopyOnWriteArrayList<>();

    public TestClient(String uri, String clientId) throws Exception {
        this(uri, clientId, new MqttConnectionOptions());
    }

    public TestClient(String uri, String clientId, MqttConnectionOptions options) throws Exception {
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        client.setCallback(new org.eclipse.paho.mqttv5.client.MqttCallback() {
            @Override
            public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage m) {
                received.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(m);
                arrivals.add(topic);
            }

            @Override
            public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverURI) {
            }

            @Override
            public void authPacketArrived(int reasonCode, org.eclipse.paho.mqttv5.common.packet.MqttProperties p) {
            }
        });
        options.setCleanStart(true);
        client.connect(options);
    }

    public TestClient subscribe(String filter, int qos) throws Exception {
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, qos)});
        return this;
    }

    public void publish(String topic, String payload, int qos) throws Exception {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(qos);
        publish(topic, m);
    }

    /**
     * Publishes and waits for the acknowledgement. Paho counts a publish as in flight a little
     * after its acknowledgement arrived, so a fast loop can see "too many publishes in progress":
     * then it tries again until Paho has room, for at most ten seconds (the broker's receive maximum is
     * the limit). Any other failure ends the wait at once.
     */
    public void publish(String topic, MqttMessage m) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollDelay(java.time.Duration.ZERO).pollInterval(java.time.Duration.ofMillis(1))
                .until(() -> {
                    try {
                        client.publish(topic, m);
                        return true;
                    } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                        if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                            throw e;
                        }
                        return false;
                    }
                });
    }

    public List<MqttMessage> received(String topic) {
        return received.getOrDefault(topic, List.of());
    }

    public int receivedCount() {
        return arrivals.size();
    }

    public Map<String, List<MqttMessage>> all() {
        return received;
    }

    @Override
    public void close() throws Exception {
        try {
            if (client.isConnected()) {
                client.disconnect();
            }
        } finally {
            client.close(true);
        }
    }
}
