package org.fleetdispatch.dispatch;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.NodeSpecs;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.ActionParameter;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Edge;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.NodePosition;
import org.fleetdispatch.vda5050.Order;

/**
 * VDA 5050 2.0 orders for the leaves robots execute (section 6.6).
 *
 * <p>Every order starts at the robot's current pose ("the first node of a new order must be trivially
 * reachable", 6.6.1), nodes carry even sequenceIds and edges the odd ones between them (6.6.2), all
 * released: a route is the base. A route update keeps the orderId, raises the orderUpdateId and starts at
 * the last base node of the previous message with the same nodeId and sequenceId (stitching, 6.6.2).
 * Action leaves are one node at the robot's pose carrying the action, blocking HARD so the robot does not
 * move while it runs.
 */
public final class Orders {

    /** Looked up once: {@code Json.create…} runs a ServiceLoader lookup over the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** How far the robot may be from the start node: the pose we know can be a little old. */
    static final double START_DEVIATION_XY = 0.5;
    static final String START_NODE = "start";

    private Orders() {
    }

    /**
     * The order for a route, move or action leaf.
     *
     * @param header  with headerId, timestamp, manufacturer and serialNumber filled in
     * @param orderId unique per leaf execution
     */
    public static Order forLeaf(Header header, String orderId, MissionNode leaf, Pose2D current) {
        Node start = node(START_NODE, 0, current.x(), current.y(), current.theta(), current.mapId(),
                START_DEVIATION_XY, null, List.of());
        return switch (leaf.type()) {
            case ROUTE -> Order.of(header, orderId, 0, null,
                    withWaypoints(List.of(start), leaf.route().waypoints(), 0), edges(List.of(start), leaf.route().waypoints(), 0));
            case MOVE -> move(header, orderId, leaf.move(), start, current);
            case ACTION -> Order.of(header, orderId, 0, null,
                    List.of(node(START_NODE, 0, current.x(), current.y(), current.theta(), current.mapId(), START_DEVIATION_XY,
                            null, List.of(action(orderId, leaf.action())))),
                    List.of());
            default -> throw new IllegalArgumentException("node '" + leaf.name() + "' (" + leaf.type().field()
                    + ") is not executed by the robot");
        };
    }

    /**
     * The update of a running route order: same orderId, orderUpdateId + 1, starting at the previous
     * message's last base node, then the new waypoints.
     */
    public static Order routeUpdate(Header header, Order previous, List<Waypoint> waypoints) {
        Node lastBase = previous.nodes().stream().filter(Node::released).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalArgumentException("order " + previous.orderId() + " has no base node"));
        Node stitch = new Node(lastBase.nodeId(), lastBase.sequenceId(), lastBase.nodeDescription(), true,
                lastBase.nodePosition(), List.of());
        List<Node> first = List.of(stitch);
        int offset = START_NODE.equals(lastBase.nodeId()) ? 0 : Integer.parseInt(lastBase.nodeId().substring("wp-".length()));
        return Order.of(header, previous.orderId(), previous.orderUpdateId() + 1, null,
                withWaypoints(first, waypoints, offset), edges(first, waypoints, offset));
    }

    private static Order move(Header header, String orderId, NodeSpecs.Move move, Node start, Pose2D current) {
        double x = current.x();
        double y = current.y();
        double theta = current.theta();
        if (move.distance() != null) {
            x += move.distance() * Math.cos(theta);
            y += move.distance() * Math.sin(theta);
        } else {
            theta = normalise(theta + move.rotation());
        }
        Node target = node("target", 2, x, y, theta, current.mapId(), 0.0, 0.0, List.of());
        Edge edge = Edge.of("edge-1", 1, true, START_NODE, "target", List.of());
        return Order.of(header, orderId, 0, null, List.of(start, target), List.of(edge));
    }

    /** Waypoint i (1-based, counting from {@code offset}) is node {@code wp-i} with sequenceId 2i. */
    private static List<Node> withWaypoints(List<Node> first, List<Waypoint> waypoints, int offset) {
        List<Node> nodes = new ArrayList<>(first);
        long base = first.get(first.size() - 1).sequenceId();
        for (int i = 0; i < waypoints.size(); i++) {
            Waypoint w = waypoints.get(i);
            nodes.add(node(waypointNodeId(offset + i + 1), base + 2L * (i + 1), w.x(), w.y(), w.theta(), w.mapId(),
                    w.allowedDeviationXY(), w.allowedDeviationTheta(), List.of()));
        }
        return nodes;
    }

    private static List<Edge> edges(List<Node> first, List<Waypoint> waypoints, int offset) {
        List<Edge> edges = new ArrayList<>();
        Node from = first.get(first.size() - 1);
        for (int i = 0; i < waypoints.size(); i++) {
            String to = waypointNodeId(offset + i + 1);
            edges.add(Edge.of("edge-" + (offset + i + 1), from.sequenceId() + 1, true, from.nodeId(), to, List.of()));
            from = new Node(to, from.sequenceId() + 2, null, true, null, List.of());
        }
        return edges;
    }

    static String waypointNodeId(int number) {
        return "wp-" + number;
    }

    private static Node node(String id, long sequenceId, double x, double y, double theta, String mapId,
                             Double deviationXY, Double deviationTheta, List<Action> actions) {
        return new Node(id, sequenceId, null, true,
                new NodePosition(x, y, theta, deviationXY, deviationTheta, mapId == null ? "" : mapId, null), actions);
    }

    private static Action action(String orderId, NodeSpecs.Action spec) {
        List<ActionParameter> parameters = new ArrayList<>();
        for (Map.Entry<String, Object> p : spec.actionParameters().entrySet()) {
            parameters.add(new ActionParameter(p.getKey(), toJson(p.getValue())));
        }
        return new Action(spec.actionType(), orderId + "-action", null, BlockingType.HARD, parameters);
    }

    /** Action parameters are free-form JSON in the mission (IMD); VDA 5050 takes any JSON value. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof Number n) {
            return JSON.createValue(new BigDecimal(n.toString()));
        }
        if (value instanceof Map<?, ?> map) {
            var object = JSON.createObjectBuilder();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object.build();
        }
        if (value instanceof Iterable<?> list) {
            var array = JSON.createArrayBuilder();
            list.forEach(v -> array.add(toJson(v)));
            return array.build();
        }
        return JSON.createValue(value.toString());
    }

    private static double normalise(double angle) {
        return Math.atan2(Math.sin(angle), Math.cos(angle));
    }
}
