package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fleetdispatch.api.Api.array;
import static org.fleetdispatch.api.Api.object;
import static org.fleetdispatch.api.Api.sql;
import static org.fleetdispatch.api.Api.unique;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.fleetdispatch.launcher.testing.EmbeddedServicesListener;
import org.fleetdispatch.launcher.testing.MqttTestClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /robot} and {@code /behaviors} as an Isaac Mission Dispatch client uses them, on Payara Micro
 * with the built WAR: registration and naming, the spec, deletion, teleoperation, every filter,
 * problem bodies, and the OpenAPI document.
 */
@ExtendWith(ArquillianExtension.class)
class RobotApiIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("fleetdispatch.war")));
    }

    @ArquillianResource
    private URL base;

    private Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void namesArePickedAsImdPicksThem() throws Exception {
        String name = unique("named");
        assertThat(api.createRobot("{\"name\": \"" + name + "\"}").getString("name")).isEqualTo(name);

        String prefixed = api.createRobot("{\"prefix\": \"hall7\"}").getString("name");
        assertThat(prefixed).matches("hall7-[a-z2-7]{26}");

        String random = api.createRobot("{}").getString("name");
        assertThat(random).matches("[a-z2-7]{26}");

        HttpResponse<String> both = api.post("robot", "{\"name\": \"x\", \"prefix\": \"y\"}");
        assertProblem(both, 400, "INVALID_SPEC", "name or prefix");

        HttpResponse<String> reserved = api.post("robot", "{\"name\": \"watch\"}");
        assertProblem(reserved, 400, "INVALID_SPEC", "reserved");

        HttpResponse<String> duplicate = api.post("robot", "{\"name\": \"" + name + "\"}");
        assertProblem(duplicate, 409, "ROBOT_ALREADY_EXISTS", name);
    }

    @Test
    void aRobotIsTheFlatImdObjectWithItsSpecAndDefaults() throws Exception {
        String name = unique("spec");
        HttpResponse<String> created = api.post("robot?publisher_id=ui-1", """
                {"name": "%s", "labels": ["hall-1", "night"], "battery": {"critical_level": 15, "recommended_minimum": 30},
                 "heartbeat_timeout": 2.5, "switch_teleop": false, "manufacturer": "Acme", "interface_name": "fleet"}"""
                .formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/robot/" + name));

        JsonObject robot = object(api.get("robot/" + name).body());
        assertThat(robot.getJsonArray("labels").getValuesAs(JsonString::getString)).containsExactly("hall-1", "night");
        assertThat(robot.getJsonObject("battery").getJsonNumber("critical_level").doubleValue()).isEqualTo(15.0);
        assertThat(robot.getJsonObject("battery").getJsonNumber("recommended_minimum").doubleValue()).isEqualTo(30.0);
        assertThat(robot.getJsonObject("battery").isNull("recommended_maximum")).isTrue();
        assertThat(robot.getJsonNumber("heartbeat_timeout").doubleValue()).isEqualTo(2.5);
        assertThat(robot.getString("manufacturer")).isEqualTo("Acme");
        assertThat(robot.getString("interface_name")).isEqualTo("fleet");
        assertThat(robot.getString("lifecycle")).isEqualTo("ALIVE");
        JsonObject status = robot.getJsonObject("status");
        assertThat(status.getBoolean("online")).isFalse();
        assertThat(status.getString("state")).isEqualTo("IDLE");
        assertThat(status.getJsonObject("software_version").getString("os")).isEmpty();
        assertThat(status.getJsonObject("factsheet").isNull("agv_class")).isTrue();
        assertThat(Api.sqlText("select publisher_id from robot where name = ?", name)).isEqualTo("ui-1");

        JsonObject defaults = api.createRobot("{\"name\": \"" + unique("defaults") + "\"}");
        assertThat(defaults.getJsonNumber("heartbeat_timeout").doubleValue()).isEqualTo(30.0);
        assertThat(defaults.getJsonObject("battery").getJsonNumber("critical_level").doubleValue()).isEqualTo(10.0);
        assertThat(defaults.getString("manufacturer")).isEqualTo("RobotCompany");
        assertThat(defaults.getJsonArray("labels")).isEmpty();
    }

    @Test
    void putReplacesTheSpecAndNothingElse() throws Exception {
        String name = unique("put");
        api.createRobot("{\"name\": \"" + name + "\", \"labels\": [\"old\"], \"heartbeat_timeout\": 5, \"manufacturer\": \"Acme\"}");

        HttpResponse<String> put = api.put("robot/" + name + "?publisher_id=ops", "{\"labels\": [\"new\"], \"battery\": {\"critical_level\": 20}}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        JsonObject robot = object(api.get("robot/" + name).body());
        assertThat(robot.getJsonArray("labels").getValuesAs(JsonString::getString)).containsExactly("new");
        assertThat(robot.getJsonObject("battery").getJsonNumber("critical_level").doubleValue()).isEqualTo(20.0);
        assertThat(robot.getJsonNumber("heartbeat_timeout").doubleValue()).as("left out: the default, as IMD").isEqualTo(30.0);
        assertThat(robot.getString("manufacturer")).as("identity stays").isEqualTo("Acme");
        assertThat(Api.sqlText("select publisher_id from robot where name = ?", name)).isEqualTo("ops");

        assertProblem(api.put("robot/" + name, "{\"status\": {\"online\": true}}"), 400, "INVALID_JSON", "unknown field 'status'");
        assertProblem(api.put("robot/" + name, "{\"name\": \"other\"}"), 400, "INVALID_JSON", "unknown field 'name'");
        assertProblem(api.put("robot/" + name, "{\"heartbeat_timeout\": 0}"), 400, "INVALID_SPEC", "heartbeat_timeout");
        assertProblem(api.put("robot/" + name, "{\"battery\": {\"critical_level\": 101}}"), 400, "INVALID_SPEC", "battery.critical_level");
        assertProblem(api.put("robot/" + unique("absent"), "{}"), 404, "ROBOT_NOT_FOUND", "absent");
    }

    @Test
    void deleteRemovesARobotWithoutMissions() throws Exception {
        String name = unique("del");
        api.createRobot("{\"name\": \"" + name + "\"}");

        HttpResponse<String> deleted = api.delete("robot/" + name + "?publisher_id=ops");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(object(deleted.body()).getString("detail")).isEqualTo(name + " is DELETED");
        assertProblem(api.get("robot/" + name), 404, "ROBOT_NOT_FOUND", name);
        assertThat(array(api.get("robot?names=" + name).body())).isEmpty();
        assertProblem(api.delete("robot/" + name), 404, "ROBOT_NOT_FOUND", name);
    }

    @Test
    void teleopSwitchesTheSpecAndTellsTheRobot() throws Exception {
        String name = unique("teleop");
        api.createRobot("{\"name\": \"" + name + "\"}");
        try (MqttTestClient robot = MqttTestClient.connect(EmbeddedServicesListener.broker().uri(), "teleop-" + name)) {
            robot.subscribe("uagv/v2/RobotCompany/" + name + "/instantActions");

            HttpResponse<String> start = api.post("robot/" + name + "/teleop", "\"START\"");
            assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
            assertThat(Api.value(start.body())).isEqualTo(Api.value("\"START teleop action received.\""));
            assertThat(object(api.get("robot/" + name).body()).getBoolean("switch_teleop")).isTrue();
            await().atMost(DEADLINE).untilAsserted(() -> {
                MqttTestClient.Received message = robot.next(Duration.ofSeconds(1));
                assertThat(message).isNotNull();
                assertThat(message.text()).contains("\"startTeleop\"");
            });

            assertThat(api.post("robot/" + name + "/teleop", "\"STOP\"").statusCode()).isEqualTo(200);
            assertThat(object(api.get("robot/" + name).body()).getBoolean("switch_teleop")).isFalse();
        }
        assertProblem(api.post("robot/" + name + "/teleop", "\"PAUSE\""), 400, "INVALID_SPEC", "START");
        assertProblem(api.post("robot/" + unique("absent") + "/teleop", "\"START\""), 404, "ROBOT_NOT_FOUND", "absent");

        sql("update robot set charging = true, state = 'CHARGING' where name = ?", name);
        assertProblem(api.post("robot/" + name + "/teleop", "\"START\""), 409, "CONFLICT", "CHARGING");
    }

    @Test
    void everyFilterSelectsAndBindsItsValue() throws Exception {
        String group = unique("flt");
        String low = group + "-low";
        String high = group + "-high";
        String charging = group + "-charging";
        for (String n : List.of(low, high, charging)) {
            api.createRobot("{\"name\": \"" + n + "\", \"heartbeat_timeout\": 3600}");
        }
        // What another server instance would have written from the robots' VDA 5050 state and factsheet
        sql("update robot set battery_level = 15, online = true, last_seen = now(), position_initialized = false, robot_type = 'tugger' where name = ?", low);
        sql("update robot set battery_level = 85, online = true, last_seen = now(), position_initialized = true, robot_type = 'forklift' where name = ?", high);
        sql("update robot set battery_level = 50, online = false, charging = true, state = 'CHARGING', position_initialized = true where name = ?", charging);
        String mine = "names=" + low + "," + high + "&names=" + charging;

        assertThat(names("robot?" + mine)).containsExactly(charging, high, low);
        assertThat(names("robot?" + mine + "&min_battery=50")).containsExactly(charging, high);
        assertThat(names("robot?" + mine + "&max_battery=50")).containsExactly(charging, low);
        assertThat(names("robot?" + mine + "&min_battery=10&max_battery=20")).containsExactly(low);
        assertThat(names("robot?" + mine + "&state=CHARGING")).containsExactly(charging);
        assertThat(names("robot?" + mine + "&state=idle")).containsExactly(high, low);
        assertThat(names("robot?" + mine + "&online=true")).containsExactly(high, low);
        assertThat(names("robot?" + mine + "&online=false")).containsExactly(charging);
        assertThat(names("robot?" + mine + "&position_initialized=true")).containsExactly(charging, high);
        assertThat(names("robot?" + mine + "&robot_type=forklift")).containsExactly(high);
        assertThat(names("robot?names=" + low)).containsExactly(low);
        assertThat(names("robot?names=" + low + "&names=" + high)).containsExactly(high, low);
        assertThat(names("robot")).contains(low, high, charging);
    }

    @Test
    void filterValuesNeverBecomeSql() throws Exception {
        String name = unique("inj");
        api.createRobot("{\"name\": \"" + name + "\"}");
        String before = Api.sqlText("select count(*) from robot");

        // IMD pastes these into its SQL; here they are values, matching nothing
        assertThat(names("robot?names=" + enc("x') OR ('1'='1"))).isEmpty();
        assertThat(names("robot?robot_type=" + enc("x' OR '1'='1"))).isEmpty();
        assertThat(names("robot?robot_type=" + enc("'; DROP TABLE robot; --"))).isEmpty();
        assertThat(api.get("robot?names=" + enc(name + "'; DELETE FROM robot; --")).statusCode()).isEqualTo(200);
        assertProblem(api.get("robot?min_battery=" + enc("0 OR 1=1")), 400, "INVALID_PARAMETER", "min_battery");
        assertProblem(api.get("robot?state=" + enc("IDLE' OR '1'='1")), 400, "INVALID_PARAMETER", "state");

        assertThat(Api.sqlText("select count(*) from robot")).as("nothing deleted or dropped").isEqualTo(before);
        assertThat(names("robot?names=" + name)).containsExactly(name);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        assertProblem(api.get("robot?state=FOO"), 400, "INVALID_PARAMETER", "'state'");
        assertProblem(api.get("robot?min_battery=abc"), 400, "INVALID_PARAMETER", "'min_battery'");
        assertProblem(api.get("robot?max_battery=NaN"), 400, "INVALID_PARAMETER", "'max_battery'");
        assertProblem(api.get("robot?online=maybe"), 400, "INVALID_PARAMETER", "'online'");
        assertProblem(api.get("robot?position_initialized=2"), 400, "INVALID_PARAMETER", "'position_initialized'");
        assertProblem(api.get("robot?state=IDLE&state=CHARGING"), 400, "INVALID_PARAMETER", "once");
        assertProblem(api.get("robot?min_batery=10"), 400, "INVALID_PARAMETER", "unknown query parameter 'min_batery'");
        assertProblem(api.get("robot?publisher_id="), 400, "INVALID_PARAMETER", "publisher_id");
    }

    @Test
    void bodiesThatAreNotTheDocumentedShapeAreRefusedNamingTheField() throws Exception {
        assertProblem(api.post("robot", "{\"name\": \"" + unique("typo") + "\", \"heartbeat_timout\": 3}"), 400, "INVALID_JSON",
                "unknown field 'heartbeat_timout'");
        assertProblem(api.post("robot", "{\"battery\": {\"critical\": 3}}"), 400, "INVALID_JSON", "unknown field 'critical' in 'battery'");
        assertProblem(api.post("robot", "{\"heartbeat_timeout\": \"soon\"}"), 400, "INVALID_JSON", "'heartbeat_timeout' must be a number");
        assertProblem(api.post("robot", "{\"labels\": [\"a\", \"\"]}"), 400, "INVALID_SPEC", "labels");
        assertProblem(api.post("robot", "[1, 2"), 400, "INVALID_JSON", "not valid JSON");
    }

    @Test
    void behaviorsListEveryKindOfNodeWithItsFields() throws Exception {
        HttpResponse<String> response = api.get("behaviors");
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonObject> behaviors = array(response.body()).getValuesAs(JsonObject.class);
        assertThat(behaviors).extracting(b -> b.getString("name"))
                .containsExactly("route", "move", "action", "notify", "constant", "sequence", "selector");
        assertThat(behaviors.get(0).getJsonArray("params").getValuesAs(JsonString::getString)).containsExactly("waypoints");
        assertThat(behaviors.get(2).getJsonArray("params").getValuesAs(JsonString::getString)).containsExactly("action_type", "action_parameters");
        assertThat(behaviors.get(3).getJsonArray("params").getValuesAs(JsonString::getString)).containsExactly("url", "json_data", "timeout");
        assertThat(behaviors.get(5).getJsonArray("params")).isEmpty();
        assertThat(behaviors).allSatisfy(b -> assertThat(b.getString("description")).isNotBlank());
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointAndModel() throws Exception {
        HttpResponse<String> response = api.send(api.request("openapi").header("Accept", "application/json"));
        assertThat(response.statusCode()).isEqualTo(200);
        // kept in target/ for whoever wants to read the document this build serves
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "openapi.json"), response.body());
        JsonObject document = object(response.body());
        JsonObject paths = document.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/robot", "/robot/{name}", "/robot/{name}/teleop", "/robot/watch",
                "/mission", "/mission/{name}", "/mission/{name}/cancel", "/mission/{name}/update", "/mission/watch", "/behaviors");
        assertThat(paths.getJsonObject("/robot").keySet()).contains("get", "post");
        assertThat(paths.getJsonObject("/robot/{name}").keySet()).contains("get", "put", "delete");
        assertThat(paths.getJsonObject("/mission/{name}").keySet()).contains("get", "delete");
        assertThat(paths.getJsonObject("/robot").getJsonObject("get").getJsonArray("parameters").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("name"))
                .contains("min_battery", "max_battery", "state", "online", "position_initialized", "names", "robot_type");
        assertThat(paths.getJsonObject("/mission").getJsonObject("get").getJsonArray("parameters").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("name"))
                .contains("state", "started_after", "started_before", "robot", "most_recent");
        for (String[] write : new String[][] {{"/robot", "post"}, {"/robot/{name}", "put"}, {"/robot/watch", "get"},
                {"/mission", "post"}, {"/mission/{name}/cancel", "post"}, {"/mission/watch", "get"}}) {
            assertThat(paths.getJsonObject(write[0]).getJsonObject(write[1]).getJsonArray("parameters").getValuesAs(JsonObject.class))
                    .as("%s %s", write[1], write[0]).extracting(p -> p.getString("name")).contains("publisher_id");
        }
        List<String> operationIds = paths.values().stream().flatMap(item -> item.asJsonObject().values().stream())
                .map(op -> op.asJsonObject().getString("operationId")).toList();
        assertThat(operationIds).doesNotHaveDuplicates().contains("listRobots", "watchMissions", "cancelMission");
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.keySet()).contains("Robot", "RobotStatus", "RobotCreate", "RobotUpdate", "Mission", "MissionStatus",
                "MissionCreate", "Problem", "Behavior");
        assertThat(schemas.getJsonObject("Robot").getJsonObject("properties").keySet())
                .contains("name", "labels", "battery", "heartbeat_timeout", "switch_teleop", "status", "lifecycle");
        assertThat(schemas.getJsonObject("Mission").getJsonObject("properties").keySet())
                .contains("robot", "mission_tree", "timeout", "deadline", "needs_canceled", "status");
        assertThat(schemas.getJsonObject("MissionNode").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("name", "parent", "route", "move", "action", "notify", "constant", "sequence", "selector");
        assertThat(schemas.getJsonObject("Waypoint").getJsonObject("properties").keySet())
                .containsExactlyInAnyOrder("x", "y", "theta", "map_id", "allowedDeviationXY", "allowedDeviationTheta");
        assertThat(schemas.getJsonObject("RobotState").getJsonArray("enum").getValuesAs(JsonString::getString))
                .containsExactly("IDLE", "ON_TASK", "CHARGING", "MAP_DEPLOYMENT", "TELEOP");

        // The documented properties are exactly the ones the API writes.
        String robot = unique("doc");
        JsonObject written = api.createRobot("{\"name\": \"" + robot + "\"}");
        assertThat(schemas.getJsonObject("Robot").getJsonObject("properties").keySet()).isEqualTo(written.keySet());
        assertThat(schemas.getJsonObject("RobotStatus").getJsonObject("properties").keySet())
                .isEqualTo(written.getJsonObject("status").keySet());
        assertThat(schemas.getJsonObject("Problem").getJsonObject("properties").keySet())
                .isEqualTo(object(api.get("robot/" + unique("nobody")).body()).keySet());
        assertThat(response.body()).as("no Java defaults leak into the document").doesNotContain("-2147483648", "2147483647");
    }

    private List<String> names(String path) throws Exception {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return array(response.body()).getValuesAs(JsonObject.class).stream().map(r -> r.getString("name")).toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void assertProblem(HttpResponse<String> response, int status, String code, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonObject problem = object(response.body());
        assertThat(problem.getString("code")).as(response.body()).isEqualTo(code);
        assertThat(problem.getString("error_code")).isEqualTo(status >= 500 ? "SERVER" : "USAGE");
        assertThat(problem.getInt("status")).isEqualTo(status);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getString("type")).startsWith("urn:fleetdispatch:problem:");
        assertThat(problem.getString("detail")).contains(detailContains);
        assertThat(problem.getString("message")).isEqualTo(problem.getString("detail"));
    }
}
