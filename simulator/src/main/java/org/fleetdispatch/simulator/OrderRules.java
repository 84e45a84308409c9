package org.fleetdispatch.simulator;

import java.util.List;
import java.util.Optional;
import org.fleetdispatch.vda5050.Edge;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.Order;

/**
 * The graph rules of section 6.6.1 that a schema cannot express. A violation is reported by the robot as a
 * validationError (6.6.4.1).
 */
final class OrderRules {

    private OrderRules() {
    }

    /** What is wrong with the order's graph, if anything. */
    static Optional<String> problem(Order order) {
        List<Node> nodes = order.nodes();
        List<Edge> edges = order.edges();
        if (nodes.isEmpty()) {
            return Optional.of("an order needs at least one node");
        }
        if (edges.size() != nodes.size() - 1) {
            return Optional.of("an order with " + nodes.size() + " nodes needs " + (nodes.size() - 1)
                    + " edges, found " + edges.size());
        }
        if (!nodes.get(0).released()) {
            return Optional.of("the first node " + nodes.get(0).nodeId() + " must be released");
        }
        boolean horizon = false;
        for (int i = 0; i < nodes.size(); i++) {
            Node n = nodes.get(i);
            if (n.nodePosition() == null) {
                return Optional.of("node " + n.nodeId() + " has no nodePosition; this vehicle needs one");
            }
            if (horizon && n.released()) {
                return Optional.of("node " + n.nodeId() + " is released after an unreleased node or edge");
            }
            if (i > 0) {
                Edge e = edges.get(i - 1);
                Node from = nodes.get(i - 1);
                if (!e.startNodeId().equals(from.nodeId()) || !e.endNodeId().equals(n.nodeId())) {
                    return Optional.of("edge " + e.edgeId() + " goes " + e.startNodeId() + " → " + e.endNodeId()
                            + " but must connect " + from.nodeId() + " → " + n.nodeId());
                }
                if (!(from.sequenceId() < e.sequenceId() && e.sequenceId() < n.sequenceId())) {
                    return Optional.of("sequenceIds must increase along the order: node " + from.nodeId() + " ("
                            + from.sequenceId() + "), edge " + e.edgeId() + " (" + e.sequenceId() + "), node "
                            + n.nodeId() + " (" + n.sequenceId() + ")");
                }
                if (e.released() && !(from.released() && n.released())) {
                    return Optional.of("edge " + e.edgeId() + " is released but one of its nodes is not");
                }
                if (horizon && e.released()) {
                    return Optional.of("edge " + e.edgeId() + " is released after an unreleased node or edge");
                }
                horizon |= !e.released();
            }
            horizon |= !n.released();
        }
        return Optional.empty();
    }
}
