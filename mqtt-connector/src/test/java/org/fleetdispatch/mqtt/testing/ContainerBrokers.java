package org.fleetdispatch.mqtt.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts, once per test run, the brokers the Payara Micro tests talk to, on the ports the build
 * reserved: a plain HiveMQ at {@code FD_IT_BROKER_URI} and a TLS HiveMQ (client certificates
 * required) at {@code FD_IT_TLS_BROKER_URI}, whose client enclave is written to {@code FD_IT_ENCLAVE},
 * and for shared subscriptions a broker at {@code FD_IT_SHARED_BROKER_URI}: mosquitto where it is
 * installed, because it deals a shared subscription's messages to the members in turn, so a test can
 * expect each member to get some; HiveMQ CE otherwise, which may feed one member only
 * (hivemq-community-edition#558).
 * The Micro child process inherits the same environment variables. Register it before the Arquillian
 * extension so the brokers are up before the application deploys; they stop when the run ends.
 */
public final class ContainerBrokers implements BeforeAllCallback {

    public static String brokerUri() {
        return env("FD_IT_BROKER_URI");
    }

    public static String tlsBrokerUri() {
        return env("FD_IT_TLS_BROKER_URI");
    }

    public static String sharedBrokerUri() {
        return env("FD_IT_SHARED_BROKER_URI");
    }

    /** Whether the shared-subscription broker deals messages to the members in turn (mosquitto). */
    public static boolean sharedBrokerRoundRobin() {
        return MosquittoBroker.binary().isPresent();
    }

    public static Path enclave() {
        return Path.of(env("FD_IT_ENCLAVE"));
    }

    private static String env(String name) {
        return Objects.requireNonNull(System.getenv(name), name + " is not set: run this test through Maven failsafe");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(Brokers.class, k -> Brokers.start(), Brokers.class);
    }

    /** The running brokers. */
    public static final class Brokers implements ExtensionContext.Store.CloseableResource {
        public final HiveMqBroker plain;
        public final HiveMqBroker tls;
        public final Broker shared;

        private Brokers(HiveMqBroker plain, HiveMqBroker tls, Broker shared) {
            this.plain = plain;
            this.tls = tls;
            this.shared = shared;
        }

        static Brokers start() {
            try {
                Path home = Path.of(env("FD_IT_HOME"));
                TestPki pki = new TestPki();
                pki.writeEnclave(enclave());
                HiveMqBroker plain = HiveMqBroker.tcp(home.resolve("plain"), URI.create(brokerUri()).getPort());
                HiveMqBroker tls = HiveMqBroker.tls(home.resolve("tls"), URI.create(tlsBrokerUri()).getPort(),
                        pki.writeServerKeyStore(home.resolve("tls-keys/broker.jks")),
                        pki.writeTrustStore(home.resolve("tls-keys/trust.jks")), TestPki.PASSWORD);
                int sharedPort = URI.create(sharedBrokerUri()).getPort();
                Broker shared = sharedBrokerRoundRobin()
                        ? MosquittoBroker.tcp(home.resolve("shared"), sharedPort)
                        : HiveMqBroker.tcp(home.resolve("shared"), sharedPort);
                return new Brokers(plain, tls, shared);
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test brokers", e);
            }
        }

        @Override
        public void close() throws Exception {
            try (shared; tls; plain) {
                // closes all three, last opened first
            }
        }
    }
}
