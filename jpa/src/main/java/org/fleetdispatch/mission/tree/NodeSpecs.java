package org.fleetdispatch.mission.tree;

import java.util.List;
import java.util.Map;

/** The behaviour-specific part of a mission node; exactly one of them is set on a node. */
public final class NodeSpecs {

    private NodeSpecs() {
    }

    /** Drive through the waypoints in order (at least one). */
    public record Route(List<Waypoint> waypoints) {
        public Route {
            waypoints = waypoints == null ? List.of() : List.copyOf(waypoints);
        }
    }

    /** Drive {@code distance} metres straight ahead, or turn by {@code rotation} radians: exactly one. */
    public record Move(Double distance, Double rotation) {
    }

    /** Run a robot action (VDA 5050 actionType with parameters). */
    public record Action(String actionType, Map<String, Object> actionParameters) {
        public Action {
            actionParameters = actionParameters == null ? Map.of() : Map.copyOf(actionParameters);
        }
    }

    /** POST {@code json_data} to {@code url}; succeeds on a 2xx answer within {@code timeout} seconds. */
    public record Notify(String url, Map<String, Object> jsonData, Integer timeout) {
        public static final int DEFAULT_TIMEOUT_SECONDS = 30;

        public Notify {
            jsonData = jsonData == null ? Map.of() : Map.copyOf(jsonData);
            timeout = timeout == null ? DEFAULT_TIMEOUT_SECONDS : timeout;
        }
    }

    /** Succeed or fail at once. */
    public record Constant(Boolean success) {
        public Constant {
            success = success == null ? Boolean.TRUE : success;
        }
    }

    /** A sequence or a selector: no parameters, written {@code {}}. */
    public record Control() {
    }
}
