package org.fleetdispatch.mqtt.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.fleetdispatch.mqtt.internal.Placeholders;
import org.fleetdispatch.mqtt.testing.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboundSettingsTest {

    final Map<String, String> env = new HashMap<>();
    final Placeholders placeholders = new Placeholders(k -> null, env::get);

    InboundSettings parse(Map<String, String> raw) {
        return InboundSettings.parse(raw, placeholders, "fd-default");
    }

    static Map<String, String> minimal() {
        Map<String, String> m = new HashMap<>();
        m.put("serverUris", "tcp://broker:1883");
        m.put("topicFilter", "uagv/v2/+/+/state");
        return m;
    }

    @Test
    void appliesTheDocumentedDefaults() {
        InboundSettings s = parse(minimal());
        assertThat(s.connection().serverUris()).containsExactly("tcp://broker:1883");
        assertThat(s.connection().clientId()).isEqualTo("fd-default");
        assertThat(s.connection().cleanStart()).isFalse();
        assertThat(s.connection().sessionExpiryInterval()).isEqualTo(86_400);
        assertThat(s.connection().receiveMaximum()).isEqualTo(100);
        assertThat(s.connection().keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.connection().tls()).isNull();
        assertThat(s.qos()).isEqualTo(1);
        assertThat(s.maxConcurrency()).isEqualTo(4);
        assertThat(s.lanes()).isEqualTo(16);
        assertThat(s.maxPending()).isEqualTo(200);
        assertThat(s.maxRetries()).isEqualTo(5);
        assertThat(s.topicFilters()).containsExactly("uagv/v2/+/+/state");
        assertThat(s.deadLetterTopicFor("a/b")).isEqualTo("dead-letter/a/b");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> raw = new HashMap<>();
        raw.put("qos", "2");
        raw.put("keepAlive", "soon");
        raw.put("maxConcurrency", "0");
        raw.put("cleanStart", "maybe");
        assertThatThrownBy(() -> parse(raw)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serverUris is required")
                .hasMessageContaining("topicFilter is required")
                .hasMessageContaining("qos=2 is not supported")
                .hasMessageContaining("keepAlive: 'soon' is not a duration")
                .hasMessageContaining("maxConcurrency must be between 1 and 1024, was 0")
                .hasMessageContaining("cleanStart must be true or false, was 'maybe'");
    }

    @Test
    void checksBrokerUris() {
        Map<String, String> raw = minimal();
        raw.put("serverUris", "tcp://a:1883, http://b:80, tcp://nohost, ssl:// x");
        assertThatThrownBy(() -> parse(raw))
                .hasMessageContaining("'http://b:80' must start with tcp://, ssl://, ws:// or wss://")
                .hasMessageContaining("'tcp://nohost' needs a host and a port")
                .hasMessageContaining("'ssl:// x' is not a URI");
    }

    @Test
    void namesTheEnvironmentVariableOfAnUnresolvedPlaceholder() {
        Map<String, String> raw = minimal();
        raw.put("serverUris", "${MPCONFIG=fleetdispatch.mqtt.uri}");
        assertThatThrownBy(() -> parse(raw))
                .hasMessageContaining("serverUris: unresolved placeholder ${MPCONFIG=fleetdispatch.mqtt.uri}: "
                        + "set the environment variable FLEETDISPATCH_MQTT_URI")
                .hasMessageNotContaining("serverUris is required");
        env.put("FLEETDISPATCH_MQTT_URI", "tcp://from-env:1883,tcp://backup:1883");
        assertThat(parse(raw).connection().serverUris()).containsExactly("tcp://from-env:1883", "tcp://backup:1883");
    }

    @Test
    void prefixesSharedSubscriptions() {
        Map<String, String> raw = minimal();
        raw.put("topicFilter", "a/+, b/#");
        raw.put("sharedSubscriptionGroup", "dispatchers");
        assertThat(parse(raw).topicFilters()).containsExactly("$share/dispatchers/a/+", "$share/dispatchers/b/#");
        raw.put("sharedSubscriptionGroup", "bad/group");
        assertThatThrownBy(() -> parse(raw)).hasMessageContaining("sharedSubscriptionGroup must not contain '/'");
    }

    @Test
    void rejectsMalformedFiltersAndDeadLetterTopics() {
        Map<String, String> raw = minimal();
        raw.put("topicFilter", "a/#/b, c/d+");
        raw.put("deadLetterTopic", "dlq/#");
        assertThatThrownBy(() -> parse(raw))
                .hasMessageContaining("'a/#/b': '#' must be a whole last level")
                .hasMessageContaining("'c/d+': '+' must be a whole level")
                .hasMessageContaining("deadLetterTopic must be a topic name");
    }

    @Test
    void checksConcurrencyAgainstLanesAndPendingAgainstReceiveMaximum() {
        Map<String, String> raw = minimal();
        raw.put("maxConcurrency", "8");
        raw.put("lanes", "4");
        raw.put("receiveMaximum", "50");
        raw.put("maxPendingMessages", "10");
        raw.put("retryBackoff", "5s");
        raw.put("retryBackoffMax", "1s");
        assertThatThrownBy(() -> parse(raw))
                .hasMessageContaining("lanes (4) must be at least maxConcurrency (8)")
                .hasMessageContaining("maxPendingMessages (10) must be at least receiveMaximum (50)")
                .hasMessageContaining("retryBackoffMax (1s) is less than retryBackoff (5s)");
    }

    @Test
    void readsDurationsWithUnits() {
        Map<String, String> raw = minimal();
        raw.put("keepAlive", "2m");
        raw.put("retryBackoff", "250");
        raw.put("retryBackoffMax", "3s");
        InboundSettings s = parse(raw);
        assertThat(s.connection().keepAlive()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.retryBackoff().initial()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.retryBackoff().max()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void requiresTlsFilesToExistAndAnSslUri(@TempDir Path dir) throws Exception {
        Map<String, String> raw = minimal();
        raw.put("tlsEnclave", dir.toString());
        assertThatThrownBy(() -> parse(raw))
                .hasMessageContaining("no server URI uses ssl://")
                .hasMessageContaining(dir.resolve("cert.pem") + " is not a readable file");

        new TestPki().writeEnclave(dir);
        raw.put("serverUris", "ssl://broker:8883");
        InboundSettings s = parse(raw);
        assertThat(s.connection().tls().certFile()).isEqualTo(dir.resolve("cert.pem"));
        assertThat(s.connection().tls().hostnameVerification()).isTrue();
        assertThat(s.connection().toPahoOptions().getSocketFactory()).isNotNull();

        Files.writeString(dir.resolve("key.pem"), "not a key");
        assertThatThrownBy(() -> parse(raw)).hasMessageContaining("key.pem holds no PEM private key");
    }

    @Test
    void wantsUserNameWithPassword() {
        Map<String, String> raw = minimal();
        raw.put("password", "secret");
        assertThatThrownBy(() -> parse(raw)).hasMessageContaining("password is set but userName is not")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theActivationSpecValidatesThroughTheSameRules() {
        MqttActivationSpec spec = new MqttActivationSpec();
        spec.setTopicFilter("a/b");
        assertThatThrownBy(spec::validate).isInstanceOf(jakarta.resource.spi.InvalidPropertyException.class)
                .hasMessageContaining("serverUris is required");
    }
}
