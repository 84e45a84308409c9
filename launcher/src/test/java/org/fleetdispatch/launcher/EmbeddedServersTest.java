package org.fleetdispatch.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir
    Path data;

    @Test
    void databaseKeepsItsDataAcrossRestarts() throws Exception {
        int port = freePort();
        try (EmbeddedDatabase first = EmbeddedDatabase.start(data.resolve("pg"), port);
             var c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
             var s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('still here')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(data.resolve("pg"), port);
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

    private static String roundTrip(String uri, String topic) throws MqttException, InterruptedException {
        BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
        MqttClient client = new MqttClient(uri, "test-" + topic.replace('/', '-'), new MemoryPersistence());
        client.setCallback(new MqttCallback() {
            @Override
            public void messageArrived(String t, MqttMessage m) {
                received.add(new String(m.getPayload(), StandardCharsets.UTF_8));
            }

            @Override
            public void disconnected(MqttDisconnectResponse r) {
            }

            @Override
            public void mqttErrorOccurred(MqttException e) {
            }

            @Override
            public void deliveryComplete(IMqttToken t) {
            }

            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
            }

            @Override
            public void authPacketArrived(int reasonCode, MqttProperties properties) {
            }
        });
        client.connect(new MqttConnectionOptions());
        try {
            client.subscribe(topic, 1);
            client.publish(topic, ("hello " + topic).getBytes(StandardCharsets.UTF_8), 1, false);
            return received.poll(10, TimeUnit.SECONDS);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
