package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.launcher.testing.EmbeddedServicesListener;
import org.fleetdispatch.simulator.SimulatedRobot;
import org.fleetdispatch.simulator.Simulator;
import org.fleetdispatch.simulator.SimulatorConfig;
import org.fleetdispatch.vda5050.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server stops in the middle of a mission tree and comes back: the mission is in PostgreSQL, the
 * robot kept driving and reporting, and the restarted server re-sends the order it was working on and
 * finishes the tree. Only the server restarts: database and broker are the build's.
 */
class ServerRestartIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path data;

    @Test
    void aMissionTreeCompletesAcrossAServerRestart() throws Exception {
        int httpPort = LauncherProcess.freePort();
        try (LauncherProcess server = new LauncherProcess(data.resolve("server.out"), Map.of(
                "FLEETDISPATCH_DATA_DIR", data.resolve("data").toString(),
                "FLEETDISPATCH_HTTP_PORT", Integer.toString(httpPort),
                "FLEETDISPATCH_DB_URL", EmbeddedServicesListener.database().jdbcUrl(),
                "FLEETDISPATCH_DB_USER", "postgres",
                "FLEETDISPATCH_DB_PASSWORD", "unused-with-trust-auth",
                "FLEETDISPATCH_MQTT_URI", EmbeddedServicesListener.broker().uri(),
                "FLEETDISPATCH_JAVA_OPTS", "-Xmx512m"));
             Simulator simulator = Simulator.start(SimulatorConfig.builder()
                     .brokerUri(EmbeddedServicesListener.broker().uri())
                     .robots(1).serialPrefix("restart-").speed(0.5)
                     .statePeriod(Duration.ofMillis(100)).build())) {
            server.start();
            Api api = new Api(URI.create("http://127.0.0.1:" + httpPort + "/").toURL());
            SimulatedRobot robot = simulator.robots().get(0);
            api.create("robot", "{\"name\": \"" + robot.serialNumber() + "\"}");
            await().atMost(DEADLINE).until(() -> api.robot(robot.serialNumber()).getJsonObject("status").getBoolean("online"));
            String mission = api.create("mission", "{\"robot\": \"" + robot.serialNumber() + "\", \"mission_tree\": ["
                    + "{\"name\": \"s\", \"sequence\": {}},"
                    + "{\"name\": \"a\", \"parent\": \"s\", \"route\": {\"waypoints\": [{\"x\": 1, \"y\": 0, \"theta\": 0, \"map_id\": \"map\"}]}},"
                    + "{\"name\": \"b\", \"parent\": \"s\", \"route\": {\"waypoints\": [{\"x\": 1, \"y\": 1, \"theta\": 0, \"map_id\": \"map\"}]}},"
                    + "{\"name\": \"c\", \"parent\": \"s\", \"route\": {\"waypoints\": [{\"x\": 0, \"y\": 1, \"theta\": 0, \"map_id\": \"map\"}]}}"
                    + "]}").getString("name");
            await().atMost(DEADLINE).until(() -> api.mission(mission).getJsonObject("status").getInt("current_node") == 2);

            server.stop();
            server.start();

            await().atMost(DEADLINE).until(() -> "COMPLETED".equals(api.mission(mission).getJsonObject("status").getString("state")));
            assertThat(robot.pose().x()).isCloseTo(0, within(0.3));
            assertThat(robot.pose().y()).isCloseTo(1, within(0.3));
            assertThat(api.mission(mission).getJsonObject("status").getJsonObject("node_status").getJsonObject("c")
                    .getString("state")).isEqualTo("COMPLETED");
            List<Order> orders = robot.receivedOrders();
            assertThat(orders).extracting(Order::headerId).as("the order topic's headerId counts on across the restart")
                    .isSorted().doesNotHaveDuplicates();
            assertThat(orders).extracting(Order::version, Order::manufacturer, Order::serialNumber)
                    .containsOnly(tuple("2.0.0", "RobotCompany", robot.serialNumber()));
        }
    }
}
