package org.fleetdispatch.mqtt.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.fleetdispatch.mqtt.inbound.DeadLetters;
import org.fleetdispatch.mqtt.it.app.Echo;
import org.fleetdispatch.mqtt.it.app.FlakyBean;
import org.fleetdispatch.mqtt.it.app.OrderedBean;
import org.fleetdispatch.mqtt.it.app.PoisonBean;
import org.fleetdispatch.mqtt.it.app.SharedABean;
import org.fleetdispatch.mqtt.it.app.SharedBBean;
import org.fleetdispatch.mqtt.it.app.TlsBean;
import org.fleetdispatch.mqtt.testing.ContainerBrokers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Message-driven beans on Payara Micro fed by the deployed RAR, against real brokers. The beans report
 * what they processed through the adapter's outbound connection factory.
 */
@ExtendWith(ContainerBrokers.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraMicroMdbIT {

    static Observer observer;
    static Observer tlsObserver;

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "fd-it-mdb.war").addClasses(Echo.class, OrderedBean.class,
                FlakyBean.class, PoisonBean.class, SharedABean.class, SharedBBean.class, TlsBean.class);
    }

    @BeforeAll
    static void watch() throws Exception {
        observer = Observer.plain(ContainerBrokers.brokerUri());
        tlsObserver = Observer.tls(ContainerBrokers.tlsBrokerUri(), ContainerBrokers.enclave());
    }

    @AfterAll
    static void unwatch() throws Exception {
        observer.close();
        tlsObserver.close();
    }

    @Test
    void keepsOrderPerTopicForTenTopicsOfAThousandMessagesUnderConcurrency() throws Exception {
        observer.awaitSubscribed("fd-it/order/probe", "fd-it/processed/order/probe");
        int topics = 10;
        int perTopic = 1000;
        for (int i = 0; i < perTopic; i++) {
            for (int t = 0; t < topics; t++) {
                observer.publish("fd-it/order/" + t, Integer.toString(i));
            }
        }

        await().atMost(Duration.ofMinutes(3)).until(() -> IntStream.range(0, topics)
                .map(t -> observer.received("fd-it/processed/order/" + t).size()).sum() == topics * perTopic);
        List<String> expected = IntStream.range(0, perTopic).mapToObj(Integer::toString).toList();
        Set<String> threads = new HashSet<>();
        for (int t = 0; t < topics; t++) {
            assertThat(observer.payloads("fd-it/processed/order/" + t)).as("topic %d", t).isEqualTo(expected);
            for (MqttMessage m : observer.received("fd-it/processed/order/" + t)) {
                threads.add(Observer.userProperty(m, "thread"));
            }
        }
        assertThat(threads).as("delivery threads").hasSizeGreaterThan(1);
    }

    @Test
    void processesOnceAMessageWhoseFirstThreeAttemptsThrow() throws Exception {
        observer.awaitSubscribed("fd-it/flaky", "fd-it/processed/flaky");
        observer.publish("fd-it/flaky", "throw-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> observer.payloads("fd-it/processed/flaky")
                .contains("throw-1"));
        MqttMessage m = observer.received("fd-it/processed/flaky").stream()
                .filter(x -> new String(x.getPayload()).equals("throw-1")).findFirst().orElseThrow();
        assertThat(Observer.userProperty(m, "attempts")).isEqualTo("4");
        assertThat(observer.payloads("fd-it/processed/flaky")).filteredOn("throw-1"::equals).hasSize(1);
    }

    @Test
    void retriesAMessageWhoseTransactionWasMarkedRollbackOnly() throws Exception {
        observer.awaitSubscribed("fd-it/flaky", "fd-it/processed/flaky");
        observer.publish("fd-it/flaky", "rollback-1");

        await().atMost(Duration.ofSeconds(30)).until(() -> observer.payloads("fd-it/processed/flaky")
                .contains("rollback-1"));
        MqttMessage m = observer.received("fd-it/processed/flaky").stream()
                .filter(x -> new String(x.getPayload()).equals("rollback-1")).findFirst().orElseThrow();
        assertThat(Observer.userProperty(m, "attempts")).isEqualTo("4");
    }

    @Test
    void deadLettersAMessageThatAlwaysThrows() throws Exception {
        observer.awaitSubscribed("fd-it/poison", "dead-letter/fd-it/poison");
        observer.publish("fd-it/poison", "the-poison");

        await().atMost(Duration.ofSeconds(30)).until(() -> observer.payloads("dead-letter/fd-it/poison")
                .contains("the-poison"));
        MqttMessage dead = observer.received("dead-letter/fd-it/poison").stream()
                .filter(x -> new String(x.getPayload()).equals("the-poison")).findFirst().orElseThrow();
        assertThat(Observer.userProperty(dead, DeadLetters.ATTEMPTS)).isEqualTo("3");
        assertThat(Observer.userProperty(dead, DeadLetters.ORIGINAL_TOPIC)).isEqualTo("fd-it/poison");
        assertThat(Observer.userProperty(dead, DeadLetters.ERROR)).contains("poison: fd-it/poison");
        assertThat(Observer.userProperty(dead, DeadLetters.CLIENT_ID)).isEqualTo("fd-it-poison");
    }

    @Test
    void twoBeansInOneSharedSubscriptionGroupSplitTheMessagesWithoutDuplicates() throws Exception {
        try (Observer publisher = Observer.plain(ContainerBrokers.sharedBrokerUri())) {
            // Both members subscribed: probes until each has reported one (a probe reaches one member).
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (membersOf(observer.received("fd-it/processed/shared"), "probe-").keySet()
                        .containsAll(List.of("A", "B"))) {
                    return true;
                }
                publisher.publish("fd-it/shared/probe", "probe-" + System.nanoTime());
                return false;
            });
            int before = observer.received("fd-it/processed/shared").size();
            for (int i = 0; i < 300; i++) {
                publisher.publish("fd-it/shared/" + (i % 5), "s-" + i);
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(observer.payloads("fd-it/processed/shared"))
                    .as("processed by A or B (by member: %s)", membersOf(observer.received("fd-it/processed/shared"), "s-"))
                    .containsAll(IntStream.range(0, 300).mapToObj(i -> "s-" + i).toList()));
            List<MqttMessage> got = observer.received("fd-it/processed/shared").subList(before,
                    observer.received("fd-it/processed/shared").size()).stream()
                    .filter(m -> new String(m.getPayload()).startsWith("s-")).toList();
            // Two plain subscriptions would process 600: exactly 300 distinct ones prove the group.
            assertThat(got).hasSize(300);
            assertThat(got.stream().map(m -> new String(m.getPayload())).distinct().count()).isEqualTo(300);
            if (ContainerBrokers.sharedBrokerRoundRobin()) {
                assertThat(got).extracting(m -> Observer.userProperty(m, "member")).contains("A", "B");
            }
        }
    }

    private static Map<String, Long> membersOf(List<MqttMessage> processed, String payloadPrefix) {
        return processed.stream().filter(m -> new String(m.getPayload()).startsWith(payloadPrefix))
                .collect(Collectors.groupingBy(m -> String.valueOf(Observer.userProperty(m, "member")), Collectors.counting()));
    }

    @Test
    void subscribesAndPublishesOverTlsWithTheEnclavesClientCertificate() throws Exception {
        try (Observer tlsPublisher = Observer.tls(ContainerBrokers.tlsBrokerUri(), ContainerBrokers.enclave())) {
            tlsObserver.awaitSubscribed("fd-it/tls", "fd-it/processed/tls");
            tlsPublisher.publish("fd-it/tls", "secret");
            await().atMost(Duration.ofSeconds(30)).until(() -> tlsObserver.payloads("fd-it/processed/tls")
                    .contains("secret"));
        }
    }
}
