package org.fleetdispatch.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.MissionSubmission;
import org.fleetdispatch.dispatch.RobotRegistration;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionTree;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.robot.BatterySpec;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotSpec;
import org.junit.jupiter.api.Test;

/** The wire format: what Isaac Mission Dispatch clients send is read, and what they read is written. */
class ApiJsonTest {

    private static final Instant NOW = Instant.parse("2030-01-31T12:00:00Z");

    @Test
    void aRobotSpecAsImdsClientSendsItIsRead() {
        // DatabaseClient.create: spec.json() plus name; timedelta as float seconds, optional levels null
        RobotCreate body = read("""
                {"labels": ["hall-1"], "battery": {"critical_level": 12.5, "recommended_minimum": null,
                 "recommended_maximum": 90}, "heartbeat_timeout": 2.5, "switch_teleop": false, "name": "agv-1"}""", RobotCreate.class);
        RobotRegistration registration = body.toRegistration();
        assertThat(registration.name()).isEqualTo("agv-1");
        assertThat(registration.spec().labels()).containsExactly("hall-1");
        assertThat(registration.spec().battery().criticalLevel()).isEqualTo(12.5);
        assertThat(registration.spec().battery().recommendedMaximum()).isEqualTo(90.0);
        assertThat(registration.spec().heartbeatTimeout()).isEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void aRobotIsWrittenFlatWithEveryFieldInSnakeCase() {
        Robot robot = Robot.register("agv-1", "Acme", null,
                new RobotSpec(List.of("a"), new BatterySpec(15.0, null, null), Duration.ofSeconds(7), true), "ui", NOW);
        JsonObject json = parse(ApiJson.write(RobotJson.of(robot)));

        assertThat(json.keySet()).containsExactlyInAnyOrder("name", "labels", "battery", "heartbeat_timeout", "switch_teleop",
                "manufacturer", "interface_name", "status", "lifecycle");
        assertThat(json.getJsonNumber("heartbeat_timeout").doubleValue()).isEqualTo(7.0);
        assertThat(json.getString("interface_name")).isEqualTo("uagv");
        assertThat(json.getString("lifecycle")).isEqualTo("ALIVE");
        assertThat(json.getJsonObject("battery").keySet()).containsExactlyInAnyOrder("critical_level", "recommended_minimum",
                "recommended_maximum");
        assertThat(json.getJsonObject("battery").isNull("recommended_minimum")).isTrue();
        JsonObject status = json.getJsonObject("status");
        assertThat(status.keySet()).containsExactlyInAnyOrder("pose", "position_initialized", "software_version",
                "hardware_version", "factsheet", "online", "battery_level", "state", "info_messages", "errors");
        assertThat(status.getJsonObject("pose").keySet()).containsExactlyInAnyOrder("x", "y", "theta", "map_id");
        assertThat(status.getJsonObject("hardware_version").keySet()).containsExactlyInAnyOrder("manufacturer", "serial_number");
        assertThat(status.getJsonObject("factsheet").keySet()).containsExactlyInAnyOrder("agv_class", "speed_max");
        assertThat(status.getString("state")).isEqualTo("IDLE");
    }

    @Test
    void aMissionAsImdsClientSendsItIsRead() {
        // every field of MissionSpecV1, unset node types as explicit nulls, Pose2D with its deviations
        MissionCreate body = read("""
                {"robot": "agv-1", "mission_tree": [
                   {"name": "drive", "parent": "root", "route": {"waypoints": [{"x": 1, "y": 2, "theta": 0.5, "map_id": "m",
                     "allowedDeviationXY": 0.1, "allowedDeviationTheta": 0.0}]},
                    "move": null, "action": null, "notify": null, "selector": null, "sequence": null, "constant": null},
                   {"name": "tell", "notify": {"url": "http://example.invalid/done", "json_data": {"n": [1, 2]}, "timeout": 5}},
                   {"action": {"action_type": "pick", "action_parameters": {"height": 0.5}}}],
                 "timeout": 60.0, "deadline": "2030-02-01T00:00:00", "needs_canceled": false, "update_nodes": null,
                 "prefix": "night"}""", MissionCreate.class);
        MissionSubmission submission = body.toSubmission();
        assertThat(submission.prefix()).isEqualTo("night");
        assertThat(submission.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(submission.deadline()).isEqualTo(Instant.parse("2030-02-01T00:00:00Z"));
        assertThat(submission.missionTree()).hasSize(3);
        assertThat(submission.missionTree().get(0).route().waypoints().get(0).allowedDeviationXY()).isEqualTo(0.1);
        assertThat(submission.missionTree().get(1).notification().timeout()).isEqualTo(5);
        assertThat(submission.missionTree().get(2).action().actionType()).isEqualTo("pick");
    }

    @Test
    void aMissionIsWrittenAsImdsMissionObject() {
        Mission mission = Mission.submit("m-1", null, MissionTree.of(List.of(
                        MissionNode.route("drive", null, Waypoint.at(1, 2, 0, "m")), MissionNode.selector("try", null))),
                Duration.ofSeconds(90), null, null, NOW);
        JsonObject json = parse(ApiJson.write(MissionJson.of(mission)));

        assertThat(json.keySet()).containsExactlyInAnyOrder("name", "robot", "mission_tree", "timeout", "deadline",
                "needs_canceled", "update_nodes", "status", "lifecycle");
        assertThat(json.getString("robot")).as("not yet assigned").isEmpty();
        assertThat(json.getJsonNumber("timeout").doubleValue()).isEqualTo(90.0);
        JsonObject node = json.getJsonArray("mission_tree").getJsonObject(0);
        assertThat(node.getString("parent")).isEqualTo("root");
        assertThat(node.isNull("move")).isTrue();
        assertThat(node.getJsonObject("route").getJsonArray("waypoints").getJsonObject(0).keySet())
                .containsExactlyInAnyOrder("x", "y", "theta", "map_id", "allowedDeviationXY", "allowedDeviationTheta");
        assertThat(json.getJsonArray("mission_tree").getJsonObject(1).getJsonObject("selector")).isEmpty();
        JsonObject status = json.getJsonObject("status");
        assertThat(status.keySet()).containsExactlyInAnyOrder("state", "current_node", "node_status", "task_status",
                "start_timestamp", "end_timestamp", "failure_reason", "failure_category");
        assertThat(status.getJsonObject("node_status").keySet()).containsExactly("root", "drive", "try");
        assertThat(status.getJsonObject("node_status").getJsonObject("drive").keySet()).containsExactlyInAnyOrder("state", "error_msg");
        assertThat(status.getJsonObject("task_status").getInt("drive")).isZero();
    }

    @Test
    void timestampsAreIso8601() {
        Mission mission = Mission.submit("m-2", "agv-1", MissionTree.of(List.of(MissionNode.constant("c", null, true))),
                null, Instant.parse("2030-01-31T13:00:00.250Z"), null, NOW);
        JsonObject json = parse(ApiJson.write(MissionJson.of(mission)));
        assertThat(Instant.parse(json.getString("deadline"))).isEqualTo(Instant.parse("2030-01-31T13:00:00.250Z"));
    }

    @Test
    void deletedObjectsCarryNameAndLifecycleAndPassImdsValidation() {
        JsonObject robot = parse(ApiJson.write(RobotJson.deleted("gone")));
        assertThat(robot.getString("name")).isEqualTo("gone");
        assertThat(robot.getString("lifecycle")).isEqualTo("DELETED");
        JsonObject mission = parse(ApiJson.write(MissionJson.deleted("m-gone")));
        assertThat(mission.getString("lifecycle")).isEqualTo("DELETED");
        assertThat(mission.getString("robot")).isEmpty();
        assertThat(mission.getJsonArray("mission_tree")).as("IMD refuses a tree without nodes").hasSize(1);
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> read("{\"name\": \"a\", \"heartbeat_timout\": 3}", RobotCreate.class))
                .isInstanceOf(JsonbException.class).hasMessageContaining("heartbeat_timout");
        assertThatThrownBy(() -> read("{\"labels\": [], \"status\": {}}", RobotUpdate.class))
                .isInstanceOf(JsonbException.class).hasMessageContaining("status");
    }

    @Test
    void nameAndPrefixRulesAreTheApis() {
        assertThatThrownBy(() -> new RobotCreate("watch", null, null, null, null, null, null, null).toRegistration())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new RobotCreate("x".repeat(201), null, null, null, null, null, null, null).toRegistration())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("longer than 200");
        assertThatThrownBy(() -> new MissionCreate("a/b", null, "r", List.of(), null, null, null, null).toSubmission())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("'/'");
        assertThatThrownBy(() -> new MissionCreate(null, "", "r", List.of(), null, null, null, null).toSubmission())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("prefix must not be empty");
    }

    @Test
    void valuesThatBreakARuleNameTheField() {
        assertThatThrownBy(() -> new RobotUpdate(null, null, -1.0, null).toSpec())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("heartbeat_timeout");
        assertThatThrownBy(() -> new RobotUpdate(null, new RobotJson.BatteryJson(120.0, null, null), null, null).toSpec())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("battery.critical_level");
        assertThatThrownBy(() -> new MissionCreate(null, null, "r", List.of(), null, "tomorrow", null, null).toSubmission())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> new MissionCreate(null, null, "r", List.of(), null, null, true, null).toSubmission())
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("needs_canceled");
    }

    private static <T> T read(String json, Class<T> type) {
        return ApiJson.jsonb().fromJson(json, type);
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
