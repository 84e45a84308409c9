package org.fleetdispatch.ear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.fleetdispatch.launcher.testing.EmbeddedServicesListener;
import org.fleetdispatch.launcher.testing.MqttTestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * fleetdispatch.ear on Payara Server, the full distribution from Maven Central unpacked by the build:
 * the resource adapter embedded in the EAR, the EJB module, the skinny WAR, the EAR's own resources.
 */
class PayaraServerIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static PayaraServerDomain domain;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void deployTheEar() throws Exception {
        Path it = Path.of(System.getProperty("it.directory"));
        domain = PayaraServerDomain.create(Path.of(System.getProperty("payara.home")), it.resolve("domains"));
        domain.start();
        domain.deploy(Path.of(System.getProperty("fleetdispatch.ear")));
        domain.awaitOk("health", Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopTheDomain() throws Exception {
        if (domain != null) {
            domain.close();
        }
    }

    @Test
    void healthIsUpWithDatabaseAndBroker() throws Exception {
        HttpResponse<String> health = get("health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body()).getJsonArray("checks").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("name") + "=" + c.getString("status"))
                .contains("database=UP", "broker=UP");
    }

    @Test
    void robotCreationPublishesAFactsheetRequestAndStateReachesTheDatabase() throws Exception {
        try (MqttTestClient robot = MqttTestClient.connect(EmbeddedServicesListener.broker().uri(), "ear-test-robot")) {
            robot.subscribe("uagv/v2/RobotCompany/ear-agv-1/instantActions");

            HttpResponse<String> created = post("robot", "{\"name\": \"ear-agv-1\", \"manufacturer\": \"RobotCompany\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            MqttTestClient.Received request = robot.next(DEADLINE);
            assertThat(request).as("factsheetRequest on instantActions").isNotNull();
            assertThat(request.text()).contains("\"factsheetRequest\"");

            robot.publish("uagv/v2/RobotCompany/ear-agv-1/state", """
                    {"headerId": 7, "timestamp": "2026-11-22T12:00:00.000Z", "version": "2.0.0",
                     "manufacturer": "RobotCompany", "serialNumber": "ear-agv-1",
                     "orderId": "", "orderUpdateId": 0, "lastNodeId": "", "lastNodeSequenceId": 0,
                     "nodeStates": [], "edgeStates": [], "driving": false, "actionStates": [],
                     "agvPosition": {"x": 3.0, "y": 4.0, "theta": 1.0, "mapId": "hall", "positionInitialized": true},
                     "batteryState": {"batteryCharge": 64.0, "charging": false},
                     "operatingMode": "AUTOMATIC", "errors": [], "safetyState": {"eStop": "NONE", "fieldViolation": false}}
                    """);
            await().atMost(DEADLINE).untilAsserted(() -> {
                JsonObject status = json(get("robot/ear-agv-1").body()).getJsonObject("status");
                assertThat(status.getBoolean("online")).isTrue();
                assertThat(status.getJsonNumber("battery_level").doubleValue()).isEqualTo(64.0);
                assertThat(status.getJsonObject("pose").getString("map_id")).isEqualTo("hall");
            });
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(domain.baseUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(domain.baseUri().resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
