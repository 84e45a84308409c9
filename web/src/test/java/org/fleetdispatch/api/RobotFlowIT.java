package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.fleetdispatch.launcher.testing.EmbeddedServicesListener;
import org.fleetdispatch.launcher.testing.MqttTestClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end on Payara Micro: REST create → factsheetRequest on MQTT; MQTT state
 * → MDB → PostgreSQL → REST read; a malformed state changes nothing and is counted. This test plays the robot
 * with hand-written messages, so it also sets up what a simulator cannot: messages handled in an order of its
 * choosing, with timestamps of its choosing.
 */
@ExtendWith(ArquillianExtension.class)
class RobotFlowIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive application() {
        // The WAR this build produced, exactly as it ships.
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("fleetdispatch.war")));
    }

    @ArquillianResource
    private URL base;

    private final HttpClient http = HttpClient.newHttpClient();
    private MqttTestClient robot;

    @BeforeEach
    void connectRobot() throws Exception {
        robot = MqttTestClient.connect(EmbeddedServicesListener.broker().uri(), "test-robot-" + System.nanoTime());
    }

    @AfterEach
    void disconnectRobot() throws Exception {
        robot.close();
    }

    @Test
    void healthReportsDatabaseAndBrokerReady() throws Exception {
        HttpResponse<String> health = get("health");
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonObject body = json(health.body());
        assertThat(body.getString("status")).isEqualTo("UP");
        assertThat(body.getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name"))
                .contains("database", "broker");
    }

    @Test
    void aCreatedRobotIsAskedForItsFactsheetAndTracksItsState() throws Exception {
        robot.subscribe("uagv/v2/RobotCompany/agv-001/instantActions");

        HttpResponse<String> created = post("robot", "{\"name\": \"agv-001\", \"manufacturer\": \"RobotCompany\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created.body()).getJsonObject("status").getBoolean("online")).isFalse();

        MqttTestClient.Received request = robot.next(DEADLINE);
        assertThat(request).as("instantActions with factsheetRequest").isNotNull();
        JsonObject actions = json(request.text());
        assertThat(actions.getString("version")).isEqualTo("2.0.0");
        assertThat(actions.getString("manufacturer")).isEqualTo("RobotCompany");
        assertThat(actions.getString("serialNumber")).isEqualTo("agv-001");
        assertThat(actions.getJsonArray("actions").getJsonObject(0).getString("actionType")).isEqualTo("factsheetRequest");

        publishState("agv-001", 87.5, 1.5, -2.25, 0.5, "floor-1");

        await().atMost(DEADLINE).untilAsserted(() -> {
            JsonObject status = json(get("robot/agv-001").body()).getJsonObject("status");
            assertThat(status.getBoolean("online")).isTrue();
            assertThat(status.getJsonNumber("battery_level").doubleValue()).isEqualTo(87.5);
            JsonObject pose = status.getJsonObject("pose");
            assertThat(pose.getJsonNumber("x").doubleValue()).isEqualTo(1.5);
            assertThat(pose.getJsonNumber("y").doubleValue()).isEqualTo(-2.25);
            assertThat(pose.getJsonNumber("theta").doubleValue()).isEqualTo(0.5);
            assertThat(pose.getString("map_id")).isEqualTo("floor-1");
        });
        // …and it is PostgreSQL that holds it, not a cache.
        try (var c = DriverManager.getConnection(EmbeddedServicesListener.database().jdbcUrl(), "postgres", "");
             var rows = c.createStatement().executeQuery("select online, battery_level from robot where name = 'agv-001'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getBoolean(1)).isTrue();
            assertThat(rows.getDouble(2)).isEqualTo(87.5);
        }
        try (var list = Json.createReader(new StringReader(get("robot").body()))) {
            assertThat(list.readArray().getValuesAs(JsonObject.class)).extracting(r -> r.getString("name")).contains("agv-001");
        }
    }

    @Test
    void aConnectionHandledAfterTheStateThatStartedTheMissionSendsTheOrderOnlyOnce() throws Exception {
        assertThat(post("robot", "{\"name\": \"agv-003\"}").statusCode()).isEqualTo(201);
        assertThat(post("mission", "{\"robot\": \"agv-003\", \"mission_tree\": [{\"name\": \"go\", \"route\": "
                + "{\"waypoints\": [{\"x\": 3, \"y\": 0, \"theta\": 0, \"map_id\": \"floor-1\"}]}}]}").statusCode()).isEqualTo(201);
        robot.subscribe("uagv/v2/RobotCompany/agv-003/order");
        publishConnection("agv-003", "2026-11-22T11:59:59.000Z");
        await().atMost(DEADLINE).until(() -> json(get("robot/agv-003").body()).getJsonObject("status").getBoolean("online"));

        publishState("agv-003", 80, 1, 0, 0, "floor-1"); // stamped 12:00:00: the robot knows where it is, the mission starts
        MqttTestClient.Received first = robot.next(DEADLINE);
        assertThat(first).as("the order").isNotNull();
        long firstHeaderId = json(first.text()).getJsonNumber("headerId").longValue();

        // the same connection once more, as a server that handled it late sees it: the robot had announced itself
        // before the state that started the mission, so it has the order
        Instant before = Instant.now();
        publishConnection("agv-003", "2026-11-22T11:59:59.000Z");
        await().atMost(DEADLINE).until(() -> Api.sqlText("select status_updated_at > ? from robot where name = 'agv-003'",
                java.sql.Timestamp.from(before)).equals("t"));
        assertThat(Api.sqlText("select last_order_header_id from robot where name = 'agv-003'"))
                .as("no order went out with that connection").isEqualTo(Long.toString(firstHeaderId));

        // a connection after that state: the robot may have been away when the order went out
        publishConnection("agv-003", "2026-11-22T12:00:01.000Z");
        MqttTestClient.Received again = robot.next(DEADLINE);
        assertThat(again).as("the order again").isNotNull();
        assertThat(json(again.text()).getString("orderId")).isEqualTo(json(first.text()).getString("orderId"));
        assertThat(json(again.text()).getJsonNumber("orderUpdateId")).isEqualTo(json(first.text()).getJsonNumber("orderUpdateId"));
        assertThat(json(again.text()).getJsonNumber("headerId").longValue()).isEqualTo(firstHeaderId + 1);
    }

    @Test
    void aRobotBackOnlineWhereItWasTakesTheMissionQueuedWhileItWasAway() throws Exception {
        assertThat(post("robot", "{\"name\": \"agv-004\"}").statusCode()).isEqualTo(201);
        robot.subscribe("uagv/v2/RobotCompany/agv-004/order");
        publishConnection("agv-004", "2026-11-22T11:59:59.000Z");
        publishState("agv-004", 80, 1, 0, 0, "floor-1");
        await().atMost(DEADLINE).until(() -> json(get("robot/agv-004").body()).getJsonObject("status").getBoolean("position_initialized"));
        publishConnection("agv-004", "2026-11-22T12:00:01.000Z", "CONNECTIONBROKEN");
        await().atMost(DEADLINE).until(() -> !json(get("robot/agv-004").body()).getJsonObject("status").getBoolean("online"));

        HttpResponse<String> queued = post("mission", "{\"robot\": \"agv-004\", \"mission_tree\": [{\"name\": \"go\", "
                + "\"route\": {\"waypoints\": [{\"x\": 3, \"y\": 0, \"theta\": 0, \"map_id\": \"floor-1\"}]}}]}");
        assertThat(queued.statusCode()).isEqualTo(201);
        String mission = json(queued.body()).getString("name");
        assertThat(json(get("mission/" + mission).body()).getJsonObject("status").getString("state")).isEqualTo("PENDING");

        // back, and not a state since: the server knows where the robot is from before
        publishConnection("agv-004", "2026-11-22T12:00:02.000Z");
        MqttTestClient.Received order = robot.next(DEADLINE);
        assertThat(order).as("the queued mission's order").isNotNull();
        assertThat(json(order.text()).getString("orderId")).startsWith(mission);
        assertThat(json(get("mission/" + mission).body()).getJsonObject("status").getString("state")).isEqualTo("RUNNING");
    }

    @Test
    void malformedStatesAreCountedDeadLetteredAndChangeNothing() throws Exception {
        assertThat(post("robot", "{\"name\": \"agv-002\"}").statusCode()).isEqualTo(201);
        publishState("agv-002", 50, 1, 1, 0, "m");
        await().atMost(DEADLINE).until(() -> json(get("robot/agv-002").body()).getJsonObject("status").getBoolean("online"));
        double before = rejectedCount();
        robot.subscribe("dead-letter/uagv/v2/RobotCompany/agv-002/state");

        publish("uagv/v2/RobotCompany/agv-002/state", "{ not json");
        publish("uagv/v2/RobotCompany/agv-002/state", "{\"headerId\": 1, \"batteryState\": {\"batteryCharge\": 250}}");
        publishState("agv-002", 40, 2, 2, 0, "m"); // a good one after the bad ones still gets through

        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(rejectedCount()).isEqualTo(before + 2);
            assertThat(json(get("robot/agv-002").body()).getJsonObject("status").getJsonNumber("battery_level").doubleValue())
                    .isEqualTo(40);
        });
        MqttTestClient.Received first = robot.next(DEADLINE);
        MqttTestClient.Received second = robot.next(DEADLINE);
        assertThat(first).as("first dead letter").isNotNull();
        assertThat(second).as("second dead letter").isNotNull();
        assertThat(first.text()).isEqualTo("{ not json");
        assertThat(second.text()).contains("250");
    }

    @Test
    void errorsAreProblemDetails() throws Exception {
        HttpResponse<String> missing = get("robot/no-such-robot");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(json(missing.body()).getString("code")).isEqualTo("ROBOT_NOT_FOUND");
        assertThat(json(missing.body()).getString("error_code")).as("Isaac Mission Dispatch's class").isEqualTo("USAGE");

        assertThat(post("robot", "{\"name\": \"agv-dup\"}").statusCode()).isEqualTo(201);
        HttpResponse<String> duplicate = post("robot", "{\"name\": \"agv-dup\"}");
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate.body()).getString("message")).contains("agv-dup");

        HttpResponse<String> badName = post("robot", "{\"name\": \"agv/1\"}");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(json(badName.body()).getString("detail")).contains("name 'agv/1'");

        HttpResponse<String> notJson = post("robot", "{\"name\": ");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(json(notJson.body()).getString("code")).isEqualTo("INVALID_JSON");
    }

    private double rejectedCount() throws Exception {
        // OpenMetrics text: fleetdispatch_mqtt_rejected_total{topic="state"} 2.0
        String metrics = get("metrics?scope=application").body();
        return metrics.lines()
                .filter(l -> l.startsWith("fleetdispatch_mqtt_rejected_total") && l.contains("topic=\"state\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    private void publishState(String serial, double battery, double x, double y, double theta, String map) throws Exception {
        publish("uagv/v2/RobotCompany/" + serial + "/state", """
                {"headerId": 1, "timestamp": "2026-11-22T12:00:00.000Z", "version": "2.0.0",
                 "manufacturer": "RobotCompany", "serialNumber": "%s",
                 "orderId": "", "orderUpdateId": 0, "lastNodeId": "", "lastNodeSequenceId": 0,
                 "nodeStates": [], "edgeStates": [], "driving": false, "actionStates": [],
                 "agvPosition": {"x": %s, "y": %s, "theta": %s, "mapId": "%s", "positionInitialized": true},
                 "batteryState": {"batteryCharge": %s, "charging": false},
                 "operatingMode": "AUTOMATIC", "errors": [],
                 "safetyState": {"eStop": "NONE", "fieldViolation": false}}
                """.formatted(serial, x, y, theta, map, battery));
    }

    private void publishConnection(String serial, String timestamp) throws Exception {
        publishConnection(serial, timestamp, "ONLINE");
    }

    private void publishConnection(String serial, String timestamp, String connectionState) throws Exception {
        publish("uagv/v2/RobotCompany/" + serial + "/connection", """
                {"headerId": 1, "timestamp": "%s", "version": "2.0.0", "manufacturer": "RobotCompany",
                 "serialNumber": "%s", "connectionState": "%s"}
                """.formatted(timestamp, serial, connectionState));
    }

    private void publish(String topic, String payload) throws Exception {
        robot.publish(topic, payload);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) throws Exception {
        // Payara Micro reports its URL with the host's address, but listens on loopback only. /health and
        // /metrics belong to the server, not to the application's context.
        boolean server = path.startsWith("health") || path.startsWith("metrics");
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return new URI("http", null, "127.0.0.1", base.getPort(), server ? "/" : context, null, null).resolve(path);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

}
