package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.bind.JsonbException;
import org.fleetdispatch.api.json.ApiJson;
import org.fleetdispatch.api.json.MissionCreate;
import org.fleetdispatch.api.json.RobotCreate;
import org.junit.jupiter.api.Test;

class JsonProblemsTest {

    @Test
    void anUnknownFieldIsNamedWithWhereItIs() {
        assertThat(problem("{\"name\": \"a\", \"heartbeat_timout\": 3}", RobotCreate.class))
                .startsWith("unknown field 'heartbeat_timout';");
        assertThat(problem("{\"battery\": {\"critical\": 3}}", RobotCreate.class))
                .startsWith("unknown field 'critical' in 'battery'");
        assertThat(problem("{\"mission_tree\": [{\"route\": {\"waypoints\": [{\"x\": 1, \"z\": 2}]}}]}", MissionCreate.class))
                .startsWith("unknown field 'z' in 'mission_tree.route.waypoints'");
    }

    @Test
    void aWrongTypeIsNamedWithoutJavaClassNames() {
        assertThat(problem("{\"heartbeat_timeout\": \"abc\"}", RobotCreate.class)).isEqualTo("'heartbeat_timeout' must be a number");
        assertThat(problem("{\"labels\": 5}", RobotCreate.class)).doesNotContain("java.").contains("labels");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThat(problem("{\"name\": ", RobotCreate.class)).startsWith("The request body is not valid JSON: ")
                .doesNotContain("Internal error");
    }

    private static String problem(String json, Class<?> type) {
        try {
            ApiJson.jsonb().fromJson(json, type);
            throw new AssertionError("accepted " + json);
        } catch (JsonbException e) {
            return JsonProblems.describe(e.getMessage());
        }
    }
}
