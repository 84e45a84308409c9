package org.fleetdispatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsAreTheEmbeddedSingleSite() {
        Settings s = Settings.fromEnvironment(Map.of());
        assertThat(s.httpHost()).isEqualTo("127.0.0.1");
        assertThat(s.httpPort()).isEqualTo(8080);
        assertThat(s.embeddedMqttPort()).isEqualTo(1883);
        assertThat(s.databaseUrl()).isEmpty();
        assertThat(s.mqttUri()).isEmpty();
        assertThat(s.dataDirectory()).isAbsolute();
        assertThat(s.dataDirectory().getFileName()).hasToString("data");
    }

    @Test
    void externalServersReplaceTheEmbeddedOnes() {
        Settings s = Settings.fromEnvironment(Map.of(
                "FLEETDISPATCH_DB_URL", "jdbc:postgresql://db:5432/fd",
                "FLEETDISPATCH_MQTT_URI", " ssl://broker:8883 ",
                "FLEETDISPATCH_HTTP_PORT", "9090"));
        assertThat(s.databaseUrl()).contains("jdbc:postgresql://db:5432/fd");
        assertThat(s.mqttUri()).contains("ssl://broker:8883");
        assertThat(s.httpPort()).isEqualTo(9090);
        assertThat(s.serverEnvironment("jdbc:x", "tcp://y")).containsEntry("FLEETDISPATCH_MQTT_URI", "tcp://y");
    }

    @Test
    void aBadPortIsNamed() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("FLEETDISPATCH_HTTP_PORT", "80800")))
                .hasMessage("FLEETDISPATCH_HTTP_PORT='80800' is not a TCP port (1-65535)");
    }
}
