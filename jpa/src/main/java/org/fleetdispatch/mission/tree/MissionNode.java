package org.fleetdispatch.mission.tree;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.util.ArrayList;
import java.util.List;

/**
 * One node of a mission tree as submitted: a name, a parent, and exactly one behaviour. The JSON shape
 * is Isaac Mission Dispatch's MissionNodeV1.
 */
public record MissionNode(
        String name,
        String parent,
        NodeSpecs.Route route,
        NodeSpecs.Move move,
        NodeSpecs.Action action,
        // "notify" cannot be a record component: it would clash with Object.notify()
        @JsonbProperty("notify") NodeSpecs.Notify notification,
        NodeSpecs.Constant constant,
        NodeSpecs.Control sequence,
        NodeSpecs.Control selector) {

    public static final String ROOT = "root";

    public static MissionNode route(String name, String parent, Waypoint... waypoints) {
        return new MissionNode(name, parent, new NodeSpecs.Route(List.of(waypoints)), null, null, null, null, null, null);
    }

    public static MissionNode move(String name, String parent, Double distance, Double rotation) {
        return new MissionNode(name, parent, null, new NodeSpecs.Move(distance, rotation), null, null, null, null, null);
    }

    public static MissionNode action(String name, String parent, String actionType, java.util.Map<String, Object> parameters) {
        return new MissionNode(name, parent, null, null, new NodeSpecs.Action(actionType, parameters), null, null, null, null);
    }

    public static MissionNode notify(String name, String parent, String url, java.util.Map<String, Object> json, Integer timeout) {
        return new MissionNode(name, parent, null, null, null, new NodeSpecs.Notify(url, json, timeout), null, null, null);
    }

    public static MissionNode constant(String name, String parent, boolean success) {
        return new MissionNode(name, parent, null, null, null, null, new NodeSpecs.Constant(success), null, null);
    }

    public static MissionNode sequence(String name, String parent) {
        return new MissionNode(name, parent, null, null, null, null, null, new NodeSpecs.Control(), null);
    }

    public static MissionNode selector(String name, String parent) {
        return new MissionNode(name, parent, null, null, null, null, null, null, new NodeSpecs.Control());
    }

    /** The behaviours set on this node, in {@link NodeType} order; valid nodes have exactly one. */
    @JsonbTransient
    public List<NodeType> types() {
        List<NodeType> set = new ArrayList<>();
        Object[] specs = {route, move, action, notification, constant, sequence, selector};
        for (NodeType type : NodeType.values()) {
            if (specs[type.ordinal()] != null) {
                set.add(type);
            }
        }
        return set;
    }

    /** The node's behaviour; only for validated nodes. */
    @JsonbTransient
    public NodeType type() {
        return types().get(0);
    }

    MissionNode withNameAndParent(String newName, String newParent) {
        return new MissionNode(newName, newParent, route, move, action, notification, constant, sequence, selector);
    }

    /** The same node driving a different route. */
    public MissionNode withRoute(NodeSpecs.Route newRoute) {
        return new MissionNode(name, parent, newRoute, move, action, notification, constant, sequence, selector);
    }
}
