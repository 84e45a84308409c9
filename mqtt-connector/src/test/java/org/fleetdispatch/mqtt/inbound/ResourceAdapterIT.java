package org.fleetdispatch.mqtt.inbound;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.MqttInboundMessage;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.mqtt.MqttOutboundMessage;
import org.fleetdispatch.mqtt.MqttPublishException;
import org.fleetdispatch.mqtt.MqttPublishOptions;
import org.fleetdispatch.mqtt.outbound.MqttManagedConnectionFactory;
import org.fleetdispatch.mqtt.testing.Broker;
import org.fleetdispatch.mqtt.testing.TestClient;
import org.fleetdispatch.mqtt.testing.TestEndpointFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resource adapter driven directly (no application server) against a real broker: the test plays
 * the EJB container with {@link TestEndpointFactory}. One subclass per broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResourceAdapterIT {

    @TempDir
    static Path home;
    Broker broker;

    MqttResourceAdapter ra;
    MqttManagedConnectionFactory mcf;
    MqttConnectionFactory cf;
    String prefix;
    final List<AutoCloseable> closeables = new ArrayList<>();

    /** Starts the broker under test in {@code home}. */
    abstract Broker startBroker(Path home) throws Exception;

    /**
     * Whether the broker deals a shared subscription's messages to its members in turn, so that a
     * test may expect every member to get some. Which member gets a message is the broker's policy,
     * not the adapter's: HiveMQ CE may hand a whole stream to one member that keeps up with it.
     */
    abstract boolean sharesRoundRobin();

    /**
     * Whether the broker goes on sending a subscriber messages while an earlier one is unacknowledged (within the
     * receive maximum), so that a test may hold one delivery and expect the others to flow. Not HiveMQ CE: held
     * here, the first message of a stream stopped every other from arriving until it was acknowledged.
     */
    abstract boolean feedsPastAnUnacknowledgedMessage();

    /**
     * Whether the broker closes a client's connection after refusing a message it published, so that the failure
     * the client sees may be the lost connection rather than the PUBACK's reason code.
     */
    abstract boolean closesTheConnectionOnARefusedPublish();

    @BeforeAll
    void start() throws Exception {
        broker = startBroker(home);
    }

    @AfterAll
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void startAdapter(TestInfo info) throws Exception {
        prefix = "it/" + info.getTestMethod().orElseThrow().getName();
        ra = new MqttResourceAdapter();
        ra.start(null);
        mcf = new MqttManagedConnectionFactory();
        mcf.setServerUris(broker.uri());
        mcf.setResourceAdapter(ra);
        cf = (MqttConnectionFactory) mcf.createConnectionFactory();
    }

    @AfterEach
    void stopAdapter() throws Exception {
        ra.stop();
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    MqttActivationSpec spec(String clientId, String filter) {
        MqttActivationSpec s = new MqttActivationSpec();
        s.setServerUris(broker.uri());
        s.setClientId(clientId);
        s.setTopicFilter(filter);
        s.setRetryBackoff("10ms");
        s.setRetryBackoffMax("50ms");
        return s;
    }

    TestEndpointFactory activate(MqttActivationSpec spec, MqttMessageListener listener) throws Exception {
        TestEndpointFactory f = new TestEndpointFactory(spec.getClientId(), listener);
        ra.endpointActivation(f, spec);
        awaitInboundReady(spec.getClientId());
        return f;
    }

    void awaitInboundReady(String clientId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> cf.clientStatus().stream()
                .anyMatch(s -> s.role() == MqttClientStatus.Role.INBOUND && s.clientId().equals(clientId)
                        && s.connected()));
    }

    void publish(String topic, String payload) throws Exception {
        try (MqttConnection c = cf.getConnection()) {
            c.publish(topic, payload.getBytes(UTF_8), 1, false);
        }
    }

    TestClient testClient(String id) throws Exception {
        TestClient c = new TestClient(broker.uri(), id);
        closeables.add(c);
        return c;
    }

    static String text(MqttInboundMessage m) {
        return new String(m.payload(), UTF_8);
    }

    @Test
    void deliversEveryMessageToTheEndpointWithBeforeAndAfterDelivery() throws Exception {
        List<MqttInboundMessage> got = new CopyOnWriteArrayList<>();
        TestEndpointFactory f = activate(spec("it-deliver", prefix + "/#"), got::add);

        try (MqttConnection c = cf.getConnection()) {
            for (int i = 0; i < 100; i++) {
                c.publish(prefix + "/" + (i % 5), ("m" + i).getBytes(UTF_8), 1, false,
                        MqttPublishOptions.contentType("text/plain").withUserProperty("n", Integer.toString(i)));
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> got.size() == 100);
        assertThat(got).extracting(ResourceAdapterIT::text).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 100).mapToObj(i -> "m" + i).toList());
        assertThat(got).allSatisfy(m -> {
            assertThat(m.qos()).isEqualTo(1);
            assertThat(m.contentType()).isEqualTo("text/plain");
            assertThat(m.userProperty("n")).contains(text(m).substring(1));
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> f.released.get() == 100);
        assertThat(f.before.get()).isEqualTo(100);
        assertThat(f.after.get()).isEqualTo(100);
        assertThat(cf.clientStatus()).extracting(MqttClientStatus::role, MqttClientStatus::connected)
                .contains(org.assertj.core.groups.Tuple.tuple(MqttClientStatus.Role.OUTBOUND, true),
                        org.assertj.core.groups.Tuple.tuple(MqttClientStatus.Role.INBOUND, true));
    }

    @Test
    void acknowledgesOnlyAfterTheEndpointReturned() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<MqttInboundMessage> got = new CopyOnWriteArrayList<>();
        MqttActivationSpec spec = spec("it-ack", prefix);
        activate(spec, m -> {
            got.add(m);
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        publish(prefix, "only");
        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 1);

        // The connection drops while the endpoint still works on the message: it was not acknowledged,
        // so the broker sends it again on the resumed session.
        InboundActivation activation = ra.activations().get(0);
        activation.client().forceReconnect("test");
        await().atMost(Duration.ofSeconds(20)).until(() -> activation.client().generation() == 2
                && activation.status().connected());
        release.countDown();

        await().atMost(Duration.ofSeconds(10)).until(() -> got.size() == 2);
        assertThat(got).extracting(ResourceAdapterIT::text).containsExactly("only", "only");
    }

    @Test
    void retriesAFailingMessageAndProcessesItOnce() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        List<String> processed = new CopyOnWriteArrayList<>();
        activate(spec("it-retry", prefix), m -> {
            if (attempts.incrementAndGet() <= 3) {
                throw new IllegalStateException("attempt " + attempts.get() + " fails");
            }
            processed.add(text(m));
        });
        TestClient dlq = testClient("it-retry-dlq").subscribe("dead-letter/#", 1);

        publish(prefix, "flaky");

        await().atMost(Duration.ofSeconds(10)).until(() -> processed.size() == 1);
        assertThat(attempts.get()).isEqualTo(4);
        assertThat(processed).containsExactly("flaky");
        assertThat(dlq.receivedCount()).isZero();
    }

    @Test
    void deadLettersAMessageThatAlwaysFailsAndGoesOn() throws Exception {
        List<String> processed = new CopyOnWriteArrayList<>();
        AtomicInteger attempts = new AtomicInteger();
        MqttActivationSpec spec = spec("it-dead", prefix);
        spec.setMaxRetries("2");
        spec.setDeadLetterTopic("dlq/{topic}");
        activate(spec, m -> {
            if (text(m).equals("poison")) {
                attempts.incrementAndGet();
                throw new IllegalArgumentException("cannot parse poison");
            }
            processed.add(text(m));
        });
        TestClient dlq = testClient("it-dead-dlq").subscribe("dlq/#", 1);

        publish(prefix, "poison");
        publish(prefix, "after");

        await().atMost(Duration.ofSeconds(10)).until(() -> dlq.receivedCount() == 1 && processed.size() == 1);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(processed).containsExactly("after");
        MqttMessage dead = dlq.received("dlq/" + prefix).get(0);
        assertThat(new String(dead.getPayload(), UTF_8)).isEqualTo("poison");
        Map<String, String> props = new java.util.HashMap<>();
        dead.getProperties().getUserProperties().forEach(p -> props.put(p.getKey(), p.getValue()));
        assertThat(props).containsEntry(DeadLetters.ORIGINAL_TOPIC, prefix)
                .containsEntry(DeadLetters.ATTEMPTS, "3")
                .containsEntry(DeadLetters.ERROR_CLASS, IllegalArgumentException.class.getName())
                .containsEntry(DeadLetters.CLIENT_ID, "it-dead");
        assertThat(props.get(DeadLetters.ERROR)).contains("cannot parse poison");
    }

    @Test
    void keepsPerTopicOrderWhileTopicsRunConcurrently() throws Exception {
        int topics = 10;
        int perTopic = 300;
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        // Topic 0's first message is held until the other topics have delivered 100 messages between them: a
        // held (slow) lane must not stall the others. If it did, the hold would run out its deadline. Only on a
        // broker that keeps sending while a message is unacknowledged (see feedsPastAnUnacknowledgedMessage).
        boolean hold = feedsPastAnUnacknowledgedMessage();
        CountDownLatch othersProgressed = new CountDownLatch(100);
        AtomicBoolean othersKeptGoing = new AtomicBoolean();
        String held = prefix + "/0";
        MqttActivationSpec spec = spec("it-order", prefix + "/+");
        spec.setMaxConcurrency("4");
        activate(spec, m -> {
            int now = running.incrementAndGet();
            maxRunning.accumulateAndGet(now, Math::max);
            try {
                int value = Integer.parseInt(text(m));
                if (hold && m.topic().equals(held) && value == 0) {
                    othersKeptGoing.set(othersProgressed.await(30, TimeUnit.SECONDS));
                } else if (!m.topic().equals(held)) {
                    othersProgressed.countDown();
                }
                seen.computeIfAbsent(m.topic(), t -> new CopyOnWriteArrayList<>()).add(value);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        });

        try (MqttConnection c = cf.getConnection()) {
            for (int i = 0; i < perTopic; i++) {
                for (int t = 0; t < topics; t++) {
                    c.publish(prefix + "/" + t, Integer.toString(i).getBytes(UTF_8), 1, false);
                }
            }
        }

        await().atMost(Duration.ofSeconds(60))
                .until(() -> seen.values().stream().mapToInt(List::size).sum() == topics * perTopic);
        List<Integer> expected = java.util.stream.IntStream.range(0, perTopic).boxed().toList();
        for (int t = 0; t < topics; t++) {
            assertThat(seen.get(prefix + "/" + t)).as("order on topic %d", t).isEqualTo(expected);
        }
        assertThat(maxRunning.get()).isLessThanOrEqualTo(4);
        if (hold) {
            assertThat(othersKeptGoing).as("other topics delivered while topic 0 was held").isTrue();
            assertThat(maxRunning.get()).isGreaterThan(1);
        }
    }

    @Test
    void sharedSubscriptionSplitsMessagesWithoutDuplicates() throws Exception {
        List<String> a = new CopyOnWriteArrayList<>();
        List<String> b = new CopyOnWriteArrayList<>();
        MqttActivationSpec sa = spec("it-share-a", prefix + "/+");
        MqttActivationSpec sb = spec("it-share-b", prefix + "/+");
        sa.setSharedSubscriptionGroup("fleet");
        sb.setSharedSubscriptionGroup("fleet");
        activate(sa, m -> a.add(text(m)));
        activate(sb, m -> b.add(text(m)));

        try (MqttConnection c = cf.getConnection()) {
            for (int i = 0; i < 200; i++) {
                c.publish(prefix + "/" + (i % 7), ("s" + i).getBytes(UTF_8), 1, false);
            }
        }

        // Two plain subscriptions would see 400 deliveries: exactly 200 distinct ones prove the group.
        await().atMost(Duration.ofSeconds(30)).alias("all 200 delivered").until(() -> a.size() + b.size() >= 200);
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        assertThat(union).hasSize(200);
        assertThat(a.size() + b.size()).as("deliveries, duplicates included").isEqualTo(200);
        System.out.printf("shared subscription on %s: a=%d b=%d%n", broker, a.size(), b.size());
        if (sharesRoundRobin()) {
            assertThat(a).as("messages to a (b got %d)", b.size()).isNotEmpty();
            assertThat(b).as("messages to b (a got %d)", a.size()).isNotEmpty();
        }
    }

    @Test
    void messagesPublishedWhileDeactivatedArriveOnTheNextActivation() throws Exception {
        List<String> first = new CopyOnWriteArrayList<>();
        MqttActivationSpec spec = spec("it-persistent", prefix);
        spec.setCleanStart("false");
        spec.setSessionExpiryInterval("600");
        TestEndpointFactory f1 = activate(spec, m -> first.add(text(m)));
        publish(prefix, "before");
        await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 1);
        ra.endpointDeactivation(f1, spec);

        for (int i = 0; i < 50; i++) {
            publish(prefix, "while-down-" + i);
        }

        // A new adapter instance, as after a server restart.
        ra.stop();
        ra = new MqttResourceAdapter();
        ra.start(null);
        mcf.setResourceAdapter(ra);
        List<String> second = new CopyOnWriteArrayList<>();
        MqttActivationSpec again = spec("it-persistent", prefix);
        again.setCleanStart("false");
        again.setSessionExpiryInterval("600");
        ra.endpointActivation(new TestEndpointFactory("it-persistent", m -> second.add(text(m))), again);

        await().atMost(Duration.ofSeconds(20)).until(() -> second.size() >= 50);
        assertThat(second).containsExactlyElementsOf(
                java.util.stream.IntStream.range(0, 50).mapToObj(i -> "while-down-" + i).toList());
        assertThat(first).containsExactly("before");
    }

    @Test
    void publishAllSendsABatchInItsOrder() throws Exception {
        TestClient subscriber = testClient("it-batch-sub").subscribe(prefix + "/#", 1);
        List<MqttOutboundMessage> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // runs of 50: more QoS 1 messages than a broker lets a client have unacknowledged, then QoS 0 ones
            // (MQTT orders a topic's messages of one QoS, not a QoS 0 message after a QoS 1 one)
            int qos = i / 50 % 2 == 0 ? 1 : 0;
            batch.add(new MqttOutboundMessage(prefix + "/qos" + qos, ("b" + i).getBytes(UTF_8), qos, false,
                    MqttPublishOptions.contentType("text/plain")));
        }

        try (MqttConnection c = cf.getConnection()) {
            c.publishAll(batch);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.receivedCount() == 300);
        for (int qos = 0; qos < 2; qos++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                if (i / 50 % 2 == 1 - qos) {
                    expected.add("b" + i);
                }
            }
            assertThat(subscriber.received(prefix + "/qos" + qos)).extracting(m -> new String(m.getPayload(), UTF_8))
                    .as("QoS %d in the batch's order", qos).containsExactlyElementsOf(expected);
        }
        assertThat(subscriber.received(prefix + "/qos1").get(0).getProperties().getContentType())
                .isEqualTo("text/plain");
    }

    @Test
    void publishAllRefusesABatchWithATopicFilterBeforeSendingAnyOfIt() throws Exception {
        TestClient subscriber = testClient("it-batch-refused").subscribe(prefix + "/#", 1);
        List<MqttOutboundMessage> batch = List.of(
                new MqttOutboundMessage(prefix + "/a", "first".getBytes(UTF_8), 1, false, null),
                new MqttOutboundMessage(prefix + "/+", "filter".getBytes(UTF_8), 1, false, null));

        try (MqttConnection c = cf.getConnection()) {
            assertThatThrownBy(() -> c.publishAll(batch)).isInstanceOf(MqttPublishException.class)
                    .hasMessageContaining("'" + prefix + "/+'").hasMessageContaining("no wildcards")
                    .extracting(e -> ((MqttPublishException) e).published()).isEqualTo(0);
            c.publish(prefix + "/b", "after".getBytes(UTF_8), 1, false);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.receivedCount() == 1);
        assertThat(subscriber.all()).containsOnlyKeys(prefix + "/b");
    }

    @Test
    void publishAllCountsWhatWasPublishedBeforeAMessageTheBrokerRefused() throws Exception {
        TestClient subscriber = testClient("it-batch-partly").subscribe(prefix + "/#", 1);
        String refused = Broker.REFUSING + "/" + prefix;
        List<MqttOutboundMessage> batch = List.of(
                new MqttOutboundMessage(prefix + "/a", "1".getBytes(UTF_8), 1, false, null),
                new MqttOutboundMessage(prefix + "/a", "2".getBytes(UTF_8), 1, false, null),
                new MqttOutboundMessage(refused, "3".getBytes(UTF_8), 1, false, null),
                new MqttOutboundMessage(prefix + "/a", "4".getBytes(UTF_8), 1, false, null));

        try (MqttConnection c = cf.getConnection()) {
            var thrown = assertThatThrownBy(() -> c.publishAll(batch)).isInstanceOf(MqttPublishException.class)
                    .hasMessageContaining(broker.uri()).hasMessageContaining("'" + refused + "'");
            if (!closesTheConnectionOnARefusedPublish()) {
                thrown.hasMessageContaining("reason code 135 (not authorized)");
            }
            thrown.extracting(e -> ((MqttPublishException) e).published()).isEqualTo(2);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> subscriber.received(prefix + "/a").size() >= 2);
        // what followed the refused message in its batch may have reached the broker too; the count covers only
        // what is known to have been published
        assertThat(subscriber.received(prefix + "/a")).extracting(m -> new String(m.getPayload(), UTF_8))
                .startsWith("1", "2");
    }

    @Test
    void publishAllWithoutABrokerSaysSoAndCountsNothingPublished() throws Exception {
        mcf.setPublishTimeout("1s");
        try (MqttConnection c = cf.getConnection()) {
            c.publish(prefix + "/first", "connected".getBytes(UTF_8), 1, false);
            broker.stop();
            assertThatThrownBy(() -> c.publishAll(List.of(
                    new MqttOutboundMessage(prefix + "/a", "a".getBytes(UTF_8), 1, false, null),
                    new MqttOutboundMessage(prefix + "/b", "b".getBytes(UTF_8), 0, false, null))))
                    .isInstanceOf(MqttPublishException.class).hasMessageContaining(broker.uri())
                    .extracting(e -> ((MqttPublishException) e).published()).isEqualTo(0);
        } finally {
            broker.start();
        }
    }

    @Test
    void brokerRestartMidStreamLosesNothing() throws Exception {
        Set<String> got = ConcurrentHashMap.newKeySet();
        AtomicInteger deliveries = new AtomicInteger();
        MqttActivationSpec spec = spec("it-restart", prefix + "/+");
        spec.setCleanStart("false");
        spec.setSessionExpiryInterval("600");
        spec.setReconnectDelay("100ms");
        spec.setReconnectDelayMax("500ms");
        // The first delivery is held until the broker has been restarted, so that the restart finds the stream
        // in flight: one message in the endpoint, more unacknowledged or still queued for the session.
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch restarted = new CountDownLatch(1);
        activate(spec, m -> {
            deliveries.incrementAndGet();
            if (holding.getCount() > 0) {
                holding.countDown();
                try {
                    restarted.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            got.add(text(m));
        });

        try (MqttConnection c = cf.getConnection()) {
            for (int i = 0; i < 300; i++) {
                c.publish(prefix + "/" + (i % 3), ("r" + i).getBytes(UTF_8), 1, false);
            }
        }
        assertThat(holding.await(30, TimeUnit.SECONDS)).as("first delivery").isTrue();
        broker.stop();
        broker.start();
        restarted.countDown();
        awaitInboundReady("it-restart");
        try (MqttConnection c = cf.getConnection()) {
            for (int i = 300; i < 600; i++) {
                c.publish(prefix + "/" + (i % 3), ("r" + i).getBytes(UTF_8), 1, false);
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> got.size() == 600);
        assertThat(deliveries.get()).isGreaterThanOrEqualTo(600);
    }
}
