package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.fleetdispatch.api.Api.array;
import static org.fleetdispatch.api.Api.object;
import static org.fleetdispatch.api.Api.sql;
import static org.fleetdispatch.api.Api.unique;
import static org.fleetdispatch.api.RobotApiIT.assertProblem;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /mission} at the API level, on Payara Micro with the built WAR: submission and naming, the
 * IMD object, cancel, update, delete and their conflicts, every filter, problem bodies. Missions that
 * must run use trees of constant nodes on a robot marked online in the database, so no robot has to
 * drive; the mission scenarios with simulated robots are tested elsewhere.
 */
@ExtendWith(ArquillianExtension.class)
class MissionApiIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String CONSTANT_TREE = "[{\"name\": \"ok\", \"constant\": {\"success\": true}}]";

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
    void aMissionIsTheImdObjectAndWaitsForARobotThatDoesNotExist() throws Exception {
        String robot = unique("absent-robot");
        HttpResponse<String> created = api.post("mission?publisher_id=planner", """
                {"robot": "%s", "timeout": 60, "deadline": "2031-01-01T00:00:00", "needs_canceled": false, "update_nodes": null,
                 "mission_tree": [
                   {"name": "drive", "parent": "root", "route": {"waypoints": [{"x": 1, "y": 2, "theta": 0.5, "map_id": "hall"}]},
                    "move": null, "action": null, "notify": null, "selector": null, "sequence": null, "constant": null},
                   {"name": "try", "selector": {}},
                   {"name": "lift", "parent": "try", "action": {"action_type": "pick", "action_parameters": {"height": 1.5}}}]}"""
                .formatted(robot));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonObject mission = object(created.body());
        String name = mission.getString("name");
        assertThat(name).matches("[a-z2-7]{26}");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/mission/" + name));
        assertThat(mission.getString("robot")).isEqualTo(robot);
        assertThat(mission.getJsonNumber("timeout").doubleValue()).isEqualTo(60.0);
        assertThat(mission.getString("deadline")).isEqualTo("2031-01-01T00:00:00Z");
        assertThat(mission.getBoolean("needs_canceled")).isFalse();
        assertThat(mission.isNull("update_nodes")).isTrue();
        assertThat(mission.getString("lifecycle")).isEqualTo("ALIVE");
        assertThat(mission.getJsonArray("mission_tree").getJsonObject(2).getString("parent")).isEqualTo("try");
        JsonObject status = mission.getJsonObject("status");
        assertThat(status.getString("state")).isEqualTo("PENDING");
        assertThat(status.getJsonObject("node_status").keySet()).containsExactly("root", "drive", "try", "lift");
        assertThat(status.getJsonObject("task_status").getInt("drive")).isZero();
        assertThat(status.isNull("start_timestamp")).isTrue();
        assertThat(Api.sqlText("select publisher_id from mission where name = ?", name)).isEqualTo("planner");

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                object(api.get("mission/" + name).body()).getJsonObject("status").getString("state").equals("PENDING"));
    }

    @Test
    void namesArePickedAsImdPicksThem() throws Exception {
        String robot = unique("naming-robot");
        String name = unique("named");
        assertThat(submit(name, robot).getString("name")).isEqualTo(name);
        assertThat(api.createMission("{\"prefix\": \"night\", \"robot\": \"" + robot + "\", \"mission_tree\": " + CONSTANT_TREE + "}")
                .getString("name")).matches("night-[a-z2-7]{26}");
        assertProblem(api.post("mission", "{\"name\": \"a\", \"prefix\": \"b\", \"robot\": \"r\", \"mission_tree\": " + CONSTANT_TREE + "}"),
                400, "INVALID_SPEC", "name or prefix");
        assertProblem(api.post("mission", "{\"name\": \"" + name + "\", \"robot\": \"r\", \"mission_tree\": " + CONSTANT_TREE + "}"),
                409, "MISSION_ALREADY_EXISTS", name);
        assertProblem(api.post("mission", "{\"name\": \"a/b\", \"robot\": \"r\", \"mission_tree\": " + CONSTANT_TREE + "}"),
                400, "INVALID_SPEC", "'/'");
        assertProblem(api.get("mission/" + unique("absent")), 404, "MISSION_NOT_FOUND", "absent");
    }

    @Test
    void treesThatBreakARuleAreRefusedNamingTheNode() throws Exception {
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"mission_tree\": [{\"name\": \"a\", \"constant\": {}}, {\"name\": \"a\", \"constant\": {}}]}"),
                400, "INVALID_SPEC", "'a'");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"mission_tree\": [{\"name\": \"b\", \"parent\": \"nowhere\", \"constant\": {}}]}"),
                400, "INVALID_SPEC", "nowhere");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"mission_tree\": []}"), 400, "INVALID_SPEC", "at least one node");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"mission_tree\": [{\"name\": \"c\", \"constant\": {}, \"sequence\": {}}]}"),
                400, "INVALID_SPEC", "exactly one");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"mission_tree\": [{\"route\": {\"waypoints\": [{\"x\": 1, \"z\": 2}]}}]}"),
                400, "INVALID_JSON", "unknown field 'z'");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"mission_tre\": []}"), 400, "INVALID_JSON", "unknown field 'mission_tre'");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"needs_canceled\": true, \"mission_tree\": " + CONSTANT_TREE + "}"),
                400, "INVALID_SPEC", "needs_canceled");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"timeout\": -5, \"mission_tree\": " + CONSTANT_TREE + "}"),
                400, "INVALID_SPEC", "timeout");
        assertProblem(api.post("mission", "{\"robot\": \"r\", \"deadline\": \"next week\", \"mission_tree\": " + CONSTANT_TREE + "}"),
                400, "INVALID_SPEC", "deadline");
    }

    @Test
    void aQueuedMissionCanBeCanceledOnce() throws Exception {
        String name = submit(unique("cancel"), unique("absent-robot")).getString("name");

        HttpResponse<String> canceled = api.post("mission/" + name + "/cancel?publisher_id=ops", "");
        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(object(canceled.body()).getString("detail")).contains(name, "CANCELED");
        JsonObject mission = object(api.get("mission/" + name).body());
        assertThat(mission.getJsonObject("status").getString("state")).isEqualTo("CANCELED");
        assertThat(mission.getJsonObject("status").getString("failure_category")).isEqualTo("CANCELED");
        assertThat(mission.getBoolean("needs_canceled")).isTrue();
        assertThat(Api.sqlText("select publisher_id from mission where name = ?", name)).isEqualTo("ops");

        assertProblem(api.post("mission/" + name + "/cancel", ""), 409, "CONFLICT", "CANCELED");
        assertProblem(api.post("mission/" + name + "/update", "{\"ok\": {\"waypoints\": [{\"x\": 1, \"y\": 1}]}}"), 409, "CONFLICT", "CANCELED");
        assertProblem(api.post("mission/" + unique("absent") + "/cancel", ""), 404, "MISSION_NOT_FOUND", "absent");
    }

    @Test
    void aFinishedMissionCanNeitherBeCanceledNorUpdatedButDeleted() throws Exception {
        String robot = onlineRobot();
        String name = submit(unique("done"), robot).getString("name");
        awaitState(name, "COMPLETED");

        assertProblem(api.post("mission/" + name + "/cancel", ""), 409, "CONFLICT", "COMPLETED");
        assertProblem(api.post("mission/" + name + "/update", "{\"ok\": {\"waypoints\": [{\"x\": 1, \"y\": 1}]}}"), 409, "CONFLICT", "COMPLETED");

        HttpResponse<String> deleted = api.delete("mission/" + name);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(object(deleted.body()).getString("detail")).isEqualTo(name + " is DELETED");
        assertProblem(api.get("mission/" + name), 404, "MISSION_NOT_FOUND", name);
        assertProblem(api.delete("mission/" + name), 404, "MISSION_NOT_FOUND", name);
    }

    @Test
    void aQueuedMissionIsDeletedAndItsRouteUpdated() throws Exception {
        String name = unique("update");
        api.createMission("""
                {"name": "%s", "robot": "%s", "mission_tree": [
                  {"name": "drive", "route": {"waypoints": [{"x": 1, "y": 1}]}}, {"name": "wait", "constant": {}}]}"""
                .formatted(name, unique("absent-robot")));

        HttpResponse<String> updated = api.post("mission/" + name + "/update?publisher_id=planner",
                "{\"drive\": {\"waypoints\": [{\"x\": 5, \"y\": 6, \"theta\": 1.5, \"map_id\": \"hall\", \"allowedDeviationXY\": 0.2}]}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(object(updated.body()).getJsonObject("drive").getJsonArray("waypoints").getJsonObject(0).getJsonNumber("x").doubleValue())
                .as("the updates applied, as IMD answers").isEqualTo(5.0);
        JsonObject waypoint = object(api.get("mission/" + name).body()).getJsonArray("mission_tree").getJsonObject(0)
                .getJsonObject("route").getJsonArray("waypoints").getJsonObject(0);
        assertThat(waypoint.getJsonNumber("y").doubleValue()).isEqualTo(6.0);
        assertThat(waypoint.getString("map_id")).isEqualTo("hall");
        assertThat(waypoint.getJsonNumber("allowedDeviationXY").doubleValue()).isEqualTo(0.2);
        assertThat(Api.sqlText("select publisher_id from mission where name = ?", name)).isEqualTo("planner");

        assertProblem(api.post("mission/" + name + "/update", "{\"nope\": {\"waypoints\": [{\"x\": 1}]}}"), 400, "INVALID_SPEC", "nope");
        assertProblem(api.post("mission/" + name + "/update", "{\"wait\": {\"waypoints\": [{\"x\": 1}]}}"), 400, "INVALID_SPEC", "route");
        assertProblem(api.post("mission/" + name + "/update", "{\"drive\": {\"waypoints\": []}}"), 400, "INVALID_SPEC", "waypoint");
        assertProblem(api.post("mission/" + name + "/update", "{\"drive\": {\"points\": []}}"), 400, "INVALID_JSON", "unknown field 'points'");
        assertProblem(api.post("mission/" + name + "/update", "{}"), 400, "INVALID_SPEC", "at least one");
        assertProblem(api.post("mission/" + unique("absent") + "/update", "{\"drive\": {\"waypoints\": [{\"x\": 1}]}}"),
                404, "MISSION_NOT_FOUND", "absent");

        HttpResponse<String> deleted = api.delete("mission/" + name + "?publisher_id=planner");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertProblem(api.get("mission/" + name), 404, "MISSION_NOT_FOUND", name);
    }

    @Test
    void everyFilterSelectsAndBindsItsValue() throws Exception {
        String robot = onlineRobot();
        String absentRobot = unique("absent-robot");
        String first = submit(unique("first"), robot).getString("name");
        Instant firstStarted = Instant.parse(awaitState(first, "COMPLETED").getString("start_timestamp"));
        String second = submit(unique("second"), robot).getString("name");
        Instant secondStarted = Instant.parse(awaitState(second, "COMPLETED").getString("start_timestamp"));
        String queued = submit(unique("queued"), absentRobot).getString("name");
        assertThat(secondStarted).isAfter(firstStarted);

        assertThat(names("mission?robot=" + robot)).containsExactly(first, second);
        assertThat(names("mission?robot=" + absentRobot)).containsExactly(queued);
        assertThat(names("mission?robot=" + robot + "&state=COMPLETED")).containsExactly(first, second);
        assertThat(names("mission?robot=" + robot + "&state=pending")).isEmpty();
        assertThat(names("mission?robot=" + absentRobot + "&state=PENDING")).containsExactly(queued);
        assertThat(names("mission?robot=" + robot + "&started_after=" + enc(firstStarted.minusMillis(1).toString()))).containsExactly(first, second);
        assertThat(names("mission?robot=" + robot + "&started_after=" + enc(firstStarted.toString()))).containsExactly(second);
        assertThat(names("mission?robot=" + robot + "&started_before=" + enc(secondStarted.toString()))).containsExactly(first);
        assertThat(names("mission?robot=" + robot + "&started_after=" + enc(firstStarted.minusSeconds(60).toString())
                + "&started_before=" + enc(secondStarted.plusSeconds(60).toString()))).containsExactly(first, second);
        assertThat(names("mission?robot=" + absentRobot + "&started_before=2100-01-01T00:00:00")).as("never started").isEmpty();
        assertThat(names("mission?robot=" + robot + "&most_recent=1")).containsExactly(second);
        assertThat(names("mission?robot=" + robot + "&most_recent=5")).containsExactly(first, second);
        assertThat(names("mission")).contains(first, second, queued);

        String before = Api.sqlText("select count(*) from mission");
        assertThat(names("mission?robot=" + enc("x' OR '1'='1"))).isEmpty();
        assertThat(names("mission?robot=" + enc("'; DROP TABLE mission; --"))).isEmpty();
        assertThat(Api.sqlText("select count(*) from mission")).as("nothing deleted or dropped").isEqualTo(before);

        assertProblem(api.get("mission?state=FOO"), 400, "INVALID_PARAMETER", "'state'");
        assertProblem(api.get("mission?started_after=yesterday"), 400, "INVALID_PARAMETER", "'started_after'");
        assertProblem(api.get("mission?started_before=" + enc("2030-01-01T00:00:00Z' OR '1'='1")), 400, "INVALID_PARAMETER", "'started_before'");
        assertProblem(api.get("mission?most_recent=0"), 400, "INVALID_PARAMETER", "'most_recent'");
        assertProblem(api.get("mission?most_recent=" + enc("1; DROP TABLE mission")), 400, "INVALID_PARAMETER", "'most_recent'");
        assertProblem(api.get("mission?robots=x"), 400, "INVALID_PARAMETER", "unknown query parameter 'robots'");
    }

    private String onlineRobot() throws Exception {
        String robot = unique("online-robot");
        api.createRobot("{\"name\": \"" + robot + "\", \"heartbeat_timeout\": 3600}");
        // as another instance would have recorded the robot's VDA 5050 connection message
        sql("update robot set online = true, position_initialized = true, last_seen = now() where name = ?", robot);
        return robot;
    }

    private JsonObject submit(String name, String robot) throws Exception {
        return api.createMission("{\"name\": \"" + name + "\", \"robot\": \"" + robot + "\", \"mission_tree\": " + CONSTANT_TREE + "}");
    }

    private JsonObject awaitState(String name, String state) {
        return await().atMost(DEADLINE).until(() -> object(api.get("mission/" + name).body()).getJsonObject("status"),
                status -> status.getString("state").equals(state));
    }

    private List<String> names(String path) throws Exception {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return array(response.body()).getValuesAs(JsonObject.class).stream().map(m -> m.getString("name")).toList();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
