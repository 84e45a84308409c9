package org.fleetdispatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import org.fleetdispatch.launcher.testing.MqttTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir
    Path data;

    @Test
    void databaseKeepsItsDataAcrossRestarts() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data.resolve("pg"), port, EmbeddedDatabase.Durability.DURABLE);
             var c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
             var s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(data.resolve("pg"), port, EmbeddedDatabase.Durability.DURABLE);
             var c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, "");
             var rows = c.createStatement().executeQuery("select v from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void brokerSpeaksMqtt5AndComesBackAfterStop() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(data.resolve("broker"), "127.0.0.1", freePort())) {
            assertThat(roundTrip(broker.uri(), "a/b")).isEqualTo("hello a/b");
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.start();
            assertThat(roundTrip(broker.uri(), "c/d")).isEqualTo("hello c/d");
        }
    }

    private static String roundTrip(String uri, String topic) throws Exception {
        try (MqttTestClient client = MqttTestClient.connect(uri, "test-" + topic.replace('/', '-'))) {
            client.subscribe(topic);
            client.publish(topic, "hello " + topic);
            MqttTestClient.Received received = client.next(Duration.ofSeconds(10));
            return received == null ? null : received.text();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
