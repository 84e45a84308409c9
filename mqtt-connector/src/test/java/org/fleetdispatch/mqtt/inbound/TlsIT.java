package org.fleetdispatch.mqtt.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jakarta.resource.ResourceException;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.outbound.MqttManagedConnectionFactory;
import org.fleetdispatch.mqtt.testing.Broker;
import org.fleetdispatch.mqtt.testing.HiveMqBroker;
import org.fleetdispatch.mqtt.testing.MosquittoBroker;
import org.fleetdispatch.mqtt.testing.TestEndpointFactory;
import org.fleetdispatch.mqtt.testing.TestPki;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mutual TLS with an SROS 2 enclave's PEM files, against TLS-only brokers that require client certificates. */
class TlsIT {

    @TempDir
    Path dir;
    TestPki pki;
    Path enclave;
    MqttResourceAdapter ra;

    @BeforeEach
    void setUp() throws Exception {
        pki = new TestPki();
        enclave = pki.writeEnclave(dir.resolve("enclave"));
        ra = new MqttResourceAdapter();
        ra.start(null);
    }

    @AfterEach
    void tearDown() {
        ra.stop();
    }

    @Test
    void hiveMq() throws Exception {
        try (Broker broker = HiveMqBroker.tls(dir.resolve("hivemq"), org.fleetdispatch.mqtt.testing.Ports.free(),
                pki.writeServerKeyStore(dir.resolve("keys/broker.jks")), pki.writeTrustStore(dir.resolve("keys/trust.jks")),
                TestPki.PASSWORD)) {
            roundTrip(broker.uri());
        }
    }

    @Test
    void mosquitto() throws Exception {
        assumeTrue(MosquittoBroker.binary().isPresent(), MosquittoBroker.INSTALL_HINT);
        Path keys = java.nio.file.Files.createDirectories(dir.resolve("mosquitto-keys"));
        TestPki.pem(keys.resolve("ca.pem"), pki.ca);
        TestPki.pem(keys.resolve("server.pem"), pki.server);
        TestPki.pem(keys.resolve("server.key"), pki.serverKeys.getPrivate());
        try (Broker broker = MosquittoBroker.tls(dir.resolve("mosquitto"), keys.resolve("ca.pem"),
                keys.resolve("server.pem"), keys.resolve("server.key"))) {
            roundTrip(broker.uri());
        }
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefusedAndReported() throws Exception {
        TestPki other = new TestPki();
        try (Broker broker = HiveMqBroker.tls(dir.resolve("hivemq"), org.fleetdispatch.mqtt.testing.Ports.free(),
                other.writeServerKeyStore(dir.resolve("keys/broker.jks")),
                other.writeTrustStore(dir.resolve("keys/trust.jks")), TestPki.PASSWORD)) {
            MqttManagedConnectionFactory mcf = factory(broker.uri());
            mcf.setConnectionTimeout("2s");
            MqttConnectionFactory cf = (MqttConnectionFactory) mcf.createConnectionFactory();
            org.assertj.core.api.Assertions.assertThatThrownBy(cf::getConnection)
                    .isInstanceOf(ResourceException.class)
                    .hasMessageContaining(broker.uri())
                    .hasMessageContaining("not connected");
            assertThat(cf.clientStatus()).singleElement().satisfies(s -> {
                assertThat(s.connected()).isFalse();
                assertThat(s.detail()).contains("connect to");
            });
        }
    }

    private MqttManagedConnectionFactory factory(String uri) {
        MqttManagedConnectionFactory mcf = new MqttManagedConnectionFactory();
        mcf.setServerUris(uri);
        mcf.setTlsEnclave(enclave.toString());
        mcf.setResourceAdapter(ra);
        return mcf;
    }

    private void roundTrip(String uri) throws Exception {
        MqttConnectionFactory cf = (MqttConnectionFactory) factory(uri).createConnectionFactory();
        List<String> got = new CopyOnWriteArrayList<>();
        MqttActivationSpec spec = new MqttActivationSpec();
        spec.setServerUris(uri);
        spec.setClientId("tls-in");
        spec.setTopicFilter("tls/#");
        spec.setTlsEnclave(enclave.toString());
        ra.endpointActivation(new TestEndpointFactory("tls", m -> got.add(new String(m.payload(), UTF_8))), spec);
        await().atMost(Duration.ofSeconds(20)).until(() -> cf.clientStatus().stream()
                .anyMatch(s -> s.role() == MqttClientStatus.Role.INBOUND && s.connected()));

        try (MqttConnection c = cf.getConnection()) {
            c.publish("tls/a", "over tls".getBytes(UTF_8), 1, false);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> got.contains("over tls"));
        assertThat(cf.clientStatus()).allSatisfy(s -> assertThat(s.serverUri()).startsWith("ssl://localhost:"));
    }
}
