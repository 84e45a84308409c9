package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fleetdispatch.launcher.testing.MqttTestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./fleetdispatch run} does, in a child process exactly as the script starts it: embedded
 * PostgreSQL and broker, Payara Micro with the built RAR and WAR; a signal stops all three; a restart
 * on the same data directory finds everything again.
 */
class LauncherIT {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newHttpClient();
    private final int httpPort = freePort();
    private final int databasePort = freePort();
    private final int mqttPort = freePort();
    private Process launcher;

    /** Whatever happened, leave nothing running: ask nicely, then kill the launcher's whole tree. */
    @AfterEach
    void stopLauncher() throws InterruptedException {
        if (launcher == null || !launcher.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = launcher.descendants().toList();
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void runsTheProductStopsOnASignalAndKeepsItsData() throws Exception {
        start();
        HttpResponse<String> created = post("robot", "{\"name\": \"launched-1\"}");
        assertThat(created.statusCode()).as("%s%s", created.body(), payaraLogTail()).isEqualTo(201);
        try (MqttTestClient robot = MqttTestClient.connect("tcp://127.0.0.1:" + mqttPort, "launched-robot")) {
            // a complete VDA 5050 2.0 state: the server refuses messages its schema does not allow
            robot.publish("uagv/v2/RobotCompany/launched-1/state", """
                    {"headerId": 1, "timestamp": "2026-11-22T12:00:00.000Z", "version": "2.0.0",
                     "manufacturer": "RobotCompany", "serialNumber": "launched-1",
                     "orderId": "", "orderUpdateId": 0, "lastNodeId": "", "lastNodeSequenceId": 0,
                     "nodeStates": [], "edgeStates": [], "driving": false, "actionStates": [],
                     "batteryState": {"batteryCharge": 42.5, "charging": false},
                     "operatingMode": "AUTOMATIC", "errors": [],
                     "safetyState": {"eStop": "NONE", "fieldViolation": false}}
                    """);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("robot/launched-1").body()).contains("\"battery_level\":42.5", "\"online\":true"));

        stop();
        for (int port : new int[] {httpPort, databasePort, mqttPort}) {
            assertThat(isFree(port)).as("port %d released after stop", port).isTrue();
        }

        start();
        assertThat(get("robot/launched-1").body()).contains("\"battery_level\":42.5");
        stop();
    }

    private void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.fleetdispatch.launcher.LauncherCommand", "run",
                "--payara-micro", System.getProperty("it.directory") + "/payara-micro.jar",
                "--rar", System.getProperty("fleetdispatch.rar"),
                "--war", System.getProperty("fleetdispatch.war")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("launcher.out").toFile());
        Map<String, String> env = builder.environment();
        // This JVM names the build's test servers; the launcher must start its own embedded ones.
        env.keySet().removeIf(k -> k.startsWith("FLEETDISPATCH_"));
        env.put("FLEETDISPATCH_DATA_DIR", data.resolve("data").toString());
        env.put("FLEETDISPATCH_HTTP_PORT", Integer.toString(httpPort));
        env.put("FLEETDISPATCH_EMBEDDED_DB_PORT", Integer.toString(databasePort));
        env.put("FLEETDISPATCH_EMBEDDED_MQTT_PORT", Integer.toString(mqttPort));
        env.put("FLEETDISPATCH_JAVA_OPTS", "-Xmx512m");
        launcher = builder.start();
        await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                .failFast("the launcher exited", () -> assertThat(launcher.isAlive()).as(this::output).isTrue())
                .until(() -> output().contains("Fleet Dispatch is ready."));
        assertThat(output()).contains("API      http://127.0.0.1:" + httpPort + "/");
    }

    private void stop() throws InterruptedException {
        launcher.destroy(); // SIGTERM, as Ctrl-C or a service manager would
        assertThat(launcher.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped: " + output()).isTrue();
    }

    private String output() {
        try {
            return Files.readString(data.resolve("launcher.out"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private String payaraLogTail() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("data/payara-micro.log"), StandardCharsets.UTF_8);
            return "\nPayara Micro's log ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "";
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
