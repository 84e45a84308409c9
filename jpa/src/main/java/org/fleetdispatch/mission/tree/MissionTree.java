package org.fleetdispatch.mission.tree;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated mission tree. Nodes keep the order they were submitted in; a node without a name is named
 * by its index, a node without a parent hangs from the implicit root sequence, and a parent must
 * appear before its children (so there are no cycles).
 */
public final class MissionTree {

    private static final int MAX_NAME_LENGTH = 200;

    private final List<MissionNode> nodes;
    private final Map<String, Integer> indexByName;
    private final Map<String, List<Integer>> children;

    private MissionTree(List<MissionNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.indexByName = new HashMap<>();
        this.children = new LinkedHashMap<>();
        children.put(MissionNode.ROOT, new ArrayList<>());
        for (int i = 0; i < nodes.size(); i++) {
            MissionNode node = nodes.get(i);
            indexByName.put(node.name(), i);
            children.get(node.parent()).add(i);
            if (node.type().isControl()) {
                children.put(node.name(), new ArrayList<>());
            }
        }
    }

    /**
     * Validates and normalises a submitted tree.
     *
     * @throws InvalidMissionException naming the node ({@code mission_tree[i]} and its name) and the field
     */
    public static MissionTree of(List<MissionNode> submitted) {
        if (submitted == null || submitted.isEmpty()) {
            throw new InvalidMissionException("mission_tree must have at least one node");
        }
        List<MissionNode> normalised = new ArrayList<>(submitted.size());
        Map<String, MissionNode> seen = new HashMap<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (int i = 0; i < submitted.size(); i++) {
            MissionNode node = submitted.get(i);
            if (node == null) {
                throw new InvalidMissionException("mission_tree[" + i + "] is null");
            }
            String name = node.name() == null ? Integer.toString(i) : node.name();
            String where = "mission_tree[" + i + "] ('" + name + "')";
            if (name.isBlank()) {
                throw new InvalidMissionException("mission_tree[" + i + "]: name must not be blank");
            }
            if (name.length() > MAX_NAME_LENGTH) {
                throw new InvalidMissionException("mission_tree[" + i + "]: name is longer than " + MAX_NAME_LENGTH + " characters");
            }
            if (MissionNode.ROOT.equals(name)) {
                throw new InvalidMissionException("mission_tree[" + i + "]: the name 'root' is reserved for the implicit root node");
            }
            if (seen.containsKey(name)) {
                throw new InvalidMissionException(where + ": the name '" + name + "' is already used by mission_tree["
                        + seenAt.get(name) + "]; node names must be unique");
            }
            String parent = node.parent() == null ? MissionNode.ROOT : node.parent();
            if (!MissionNode.ROOT.equals(parent)) {
                MissionNode parentNode = seen.get(parent);
                if (parentNode == null) {
                    throw new InvalidMissionException(where + ": parent '" + parent
                            + "' does not appear before it in mission_tree");
                }
                if (!parentNode.type().isControl()) {
                    throw new InvalidMissionException(where + ": parent '" + parent + "' is a " + parentNode.type().field()
                            + " node; only sequence and selector nodes have children");
                }
            }
            List<NodeType> types = node.types();
            if (types.size() != 1) {
                throw new InvalidMissionException(where + ": exactly one of route, move, action, notify, constant, "
                        + "sequence, selector must be set, but " + (types.isEmpty() ? "none is"
                        : types.stream().map(NodeType::field).toList() + " are"));
            }
            MissionNode named = node.withNameAndParent(name, parent);
            validateBehaviour(where, named);
            normalised.add(named);
            seen.put(name, named);
            seenAt.put(name, i);
        }
        return new MissionTree(normalised);
    }

    private static void validateBehaviour(String where, MissionNode node) {
        switch (node.type()) {
            case ROUTE -> {
                List<Waypoint> waypoints = node.route().waypoints();
                if (waypoints.isEmpty()) {
                    throw new InvalidMissionException(where + ": route.waypoints must have at least one waypoint");
                }
                for (int w = 0; w < waypoints.size(); w++) {
                    Waypoint p = waypoints.get(w);
                    if (p == null) {
                        throw new InvalidMissionException(where + ": route.waypoints[" + w + "] is null");
                    }
                    if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.theta())) {
                        throw new InvalidMissionException(where + ": route.waypoints[" + w + "] has a coordinate that is not a finite number");
                    }
                    if (p.allowedDeviationXY() < 0 || p.allowedDeviationTheta() < 0) {
                        throw new InvalidMissionException(where + ": route.waypoints[" + w + "] has a negative allowed deviation");
                    }
                }
            }
            case MOVE -> {
                NodeSpecs.Move move = node.move();
                if ((move.distance() == null) == (move.rotation() == null)) {
                    throw new InvalidMissionException(where + ": move must set exactly one of distance and rotation");
                }
                Double value = move.distance() != null ? move.distance() : move.rotation();
                if (!Double.isFinite(value)) {
                    throw new InvalidMissionException(where + ": move." + (move.distance() != null ? "distance" : "rotation")
                            + " must be a finite number");
                }
            }
            case ACTION -> {
                if (node.action().actionType() == null || node.action().actionType().isBlank()) {
                    throw new InvalidMissionException(where + ": action.action_type must not be empty");
                }
            }
            case NOTIFY -> {
                NodeSpecs.Notify notify = node.notification();
                if (notify.url() == null || !isHttpUrl(notify.url())) {
                    throw new InvalidMissionException(where + ": notify.url must be an absolute http or https URL, was '"
                            + notify.url() + "'");
                }
                if (notify.timeout() <= 0) {
                    throw new InvalidMissionException(where + ": notify.timeout must be a positive number of seconds");
                }
            }
            case CONSTANT, SEQUENCE, SELECTOR -> {
                // nothing to check beyond presence
            }
        }
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The nodes, normalised: every node has its name and parent. */
    public List<MissionNode> nodes() {
        return nodes;
    }

    public int size() {
        return nodes.size();
    }

    public MissionNode node(int index) {
        return nodes.get(index);
    }

    /** The index of the node with that name, or -1. */
    public int indexOf(String name) {
        return indexByName.getOrDefault(name, -1);
    }

    /** Indices of the children of {@code name} ({@code root} or a control node), in submitted order. */
    public List<Integer> childrenOf(String name) {
        return Collections.unmodifiableList(children.getOrDefault(name, List.of()));
    }

    /** The same tree with one route node's waypoints replaced. */
    public MissionTree withRoute(String name, NodeSpecs.Route route) {
        int index = indexOf(name);
        if (index < 0) {
            throw new InvalidMissionException("update_nodes: no node named '" + name + "'");
        }
        if (nodes.get(index).type() != NodeType.ROUTE) {
            throw new InvalidMissionException("update_nodes: node '" + name + "' is a " + nodes.get(index).type().field()
                    + " node; only route nodes can be updated");
        }
        List<MissionNode> updated = new ArrayList<>(nodes);
        updated.set(index, nodes.get(index).withRoute(route));
        return of(updated);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MissionTree t && nodes.equals(t.nodes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodes);
    }

    @Override
    public String toString() {
        return "MissionTree" + nodes;
    }
}
