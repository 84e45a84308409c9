package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.fleetdispatch.launcher.testing.MqttTestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./fleetdispatch run} does, in a child process exactly as the script starts it: embedded
 * PostgreSQL and broker, Payara Micro with the built RAR and WAR; a signal stops all three; a restart
 * on the same data directory finds everything again.
 */
class LauncherIT {

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final int httpPort = LauncherProcess.freePort();
    private final int databasePort = LauncherProcess.freePort();
    private final int mqttPort = LauncherProcess.freePort();

    @Test
    void runsTheProductStopsOnASignalAndKeepsItsData() throws Exception {
        try (LauncherProcess launcher = new LauncherProcess(data.resolve("launcher.out"), Map.of(
                "FLEETDISPATCH_DATA_DIR", data.resolve("data").toString(),
                "FLEETDISPATCH_HTTP_PORT", Integer.toString(httpPort),
                "FLEETDISPATCH_EMBEDDED_DB_PORT", Integer.toString(databasePort),
                "FLEETDISPATCH_EMBEDDED_MQTT_PORT", Integer.toString(mqttPort),
                "FLEETDISPATCH_JAVA_OPTS", "-Xmx512m"))) {
            launcher.start();
            assertThat(launcher.output()).contains("API      http://127.0.0.1:" + httpPort + "/");
            HttpResponse<String> created = post("robot", "{\"name\": \"launched-1\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            try (MqttTestClient robot = MqttTestClient.connect("tcp://127.0.0.1:" + mqttPort, "launched-robot")) {
                robot.publish("uagv/v2/RobotCompany/launched-1/state", """
                        {"headerId": 1, "timestamp": "2026-11-22T12:00:00.000Z", "version": "2.0.0",
                         "manufacturer": "RobotCompany", "serialNumber": "launched-1",
                         "orderId": "", "orderUpdateId": 0, "lastNodeId": "", "lastNodeSequenceId": 0,
                         "nodeStates": [], "edgeStates": [], "driving": false, "actionStates": [],
                         "batteryState": {"batteryCharge": 42.5, "charging": false},
                         "operatingMode": "AUTOMATIC", "errors": [], "safetyState": {"eStop": "NONE", "fieldViolation": false}}
                        """);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get("robot/launched-1").body()).contains("\"battery_level\":42.5", "\"online\":true"));

            launcher.stop();
            for (int port : new int[] {httpPort, databasePort, mqttPort}) {
                assertThat(LauncherProcess.isFree(port)).as("port %d released after stop", port).isTrue();
            }

            launcher.start();
            assertThat(get("robot/launched-1").body()).contains("\"battery_level\":42.5");
            launcher.stop();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + "/" + path);
    }
}
