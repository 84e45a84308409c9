package org.fleetdispatch.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    final Map<String, String> sys = Map.of("fleetdispatch.mqtt.uri", "tcp://sys:1883");
    final Map<String, String> env = Map.of("FLEETDISPATCH_MQTT_URI", "tcp://env:1883", "BROKER", "tcp://b:1883",
            "fleetdispatch.exact", "exact-env");
    final Placeholders p = new Placeholders(sys::get, env::get);
    final Placeholders envOnly = new Placeholders(k -> null, env::get);

    @Test
    void leavesPlainValuesAlone() {
        assertThat(p.resolve("serverUris", "tcp://host:1883")).isEqualTo("tcp://host:1883");
        assertThat(p.resolve("serverUris", null)).isNull();
    }

    @Test
    void prefersTheSystemPropertyThenTheEnvironment() {
        assertThat(p.resolve("serverUris", "${fleetdispatch.mqtt.uri}")).isEqualTo("tcp://sys:1883");
        assertThat(envOnly.resolve("serverUris", "${fleetdispatch.mqtt.uri}")).isEqualTo("tcp://env:1883");
        assertThat(envOnly.resolve("x", "${fleetdispatch.exact}")).isEqualTo("exact-env");
    }

    @Test
    void resolvesWhatPayaraLeftOfMpConfigAndEnv() {
        assertThat(envOnly.resolve("serverUris", "${MPCONFIG=fleetdispatch.mqtt.uri}")).isEqualTo("tcp://env:1883");
        assertThat(p.resolve("serverUris", "${ENV=BROKER}")).isEqualTo("tcp://b:1883");
    }

    @Test
    void usesTheDefaultAfterTheFirstColon() {
        assertThat(envOnly.resolve("serverUris", "${missing.uri:tcp://localhost:1883}"))
                .isEqualTo("tcp://localhost:1883");
        assertThat(envOnly.resolve("clientId", "fd-${instance:one}-in")).isEqualTo("fd-one-in");
    }

    @Test
    void anUnresolvedPlaceholderNamesThePropertyAndWhatToSet() {
        assertThatThrownBy(() -> envOnly.resolve("serverUris", "${MPCONFIG=fleetdispatch.broker.uri}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serverUris")
                .hasMessageContaining("${MPCONFIG=fleetdispatch.broker.uri}")
                .hasMessageContaining("environment variable FLEETDISPATCH_BROKER_URI")
                .hasMessageContaining("system property fleetdispatch.broker.uri");
        assertThatThrownBy(() -> envOnly.resolve("password", "${ENV=NOPE}"))
                .hasMessageContaining("password").hasMessageContaining("environment variable NOPE");
    }
}
