package org.fleetdispatch.mqtt.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.internal.TlsSettings;
import org.fleetdispatch.mqtt.testing.TestClient;

/** The test's view of a broker: publishes to the beans and watches what they report. */
final class Observer implements AutoCloseable {

    final TestClient client;

    private Observer(TestClient client) {
        this.client = client;
    }

    static Observer plain(String uri) throws Exception {
        return new Observer(new TestClient(uri, "fd-it-observer-" + UUID.randomUUID().toString().substring(0, 8))
                .subscribe("fd-it/processed/#", 1).subscribe("dead-letter/#", 1));
    }

    static Observer tls(String uri, Path enclave) throws Exception {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setSocketFactory(new TlsSettings(enclave.resolve("identity_ca.cert.pem"), enclave.resolve("cert.pem"),
                enclave.resolve("key.pem"), null, true).socketFactory());
        o.setHttpsHostnameVerificationEnabled(true);
        return new Observer(new TestClient(uri, "fd-it-observer-tls-" + UUID.randomUUID().toString().substring(0, 8), o)
                .subscribe("fd-it/processed/#", 1));
    }

    void publish(String topic, String payload) throws Exception {
        client.publish(topic, payload, 1);
    }

    List<MqttMessage> received(String topic) {
        return client.received(topic);
    }

    List<String> payloads(String topic) {
        return received(topic).stream().map(m -> new String(m.getPayload(), UTF_8)).toList();
    }

    static String userProperty(MqttMessage m, String name) {
        return m.getProperties().getUserProperties().stream().filter(p -> p.getKey().equals(name))
                .map(p -> p.getValue()).findFirst().orElse(null);
    }

    /**
     * Publishes probes to {@code topic} until one shows up on {@code reportTopic}: the bean behind
     * it has subscribed (activation connects in the background after deployment).
     */
    void awaitSubscribed(String topic, String reportTopic) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (payloads(reportTopic).stream().anyMatch(p -> p.startsWith("probe-"))) {
                return true;
            }
            publish(topic, "probe-" + UUID.randomUUID());
            return false;
        });
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
