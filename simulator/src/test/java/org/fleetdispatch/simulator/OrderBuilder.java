package org.fleetdispatch.simulator;

import java.util.ArrayList;
import java.util.List;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.Edge;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.NodePosition;
import org.fleetdispatch.vda5050.Order;

/** Builds orders as the server will: nodes with positions on one map, edges between them, sequenceIds 0, 1, 2, …. */
final class OrderBuilder {

    private final Header header;
    private final String orderId;
    private final long orderUpdateId;
    private final String mapId;
    private long sequenceId;
    private final List<Node> nodes = new ArrayList<>();

    OrderBuilder(Header header, String orderId, long orderUpdateId, String mapId) {
        this.header = header;
        this.orderId = orderId;
        this.orderUpdateId = orderUpdateId;
        this.mapId = mapId;
    }

    /** Sequence id of the first node (an update starts at the last base node's). */
    OrderBuilder from(long firstSequenceId) {
        sequenceId = firstSequenceId;
        return this;
    }

    OrderBuilder node(String id, double x, double y, Action... actions) {
        return add(id, x, y, null, true, actions);
    }

    OrderBuilder node(String id, double x, double y, Double theta, Action... actions) {
        return add(id, x, y, theta, true, actions);
    }

    OrderBuilder horizon(String id, double x, double y) {
        return add(id, x, y, null, false);
    }

    private OrderBuilder add(String id, double x, double y, Double theta, boolean released, Action... actions) {
        long seq = nodes.isEmpty() ? sequenceId : nodes.get(nodes.size() - 1).sequenceId() + 2;
        nodes.add(new Node(id, seq, null, released, new NodePosition(x, y, theta, 0.0, null, mapId, null),
                List.of(actions)));
        return this;
    }

    Order build() {
        List<Edge> edges = new ArrayList<>();
        for (int i = 1; i < nodes.size(); i++) {
            Node a = nodes.get(i - 1);
            Node b = nodes.get(i);
            edges.add(Edge.of("e" + (a.sequenceId() + 1), a.sequenceId() + 1, a.released() && b.released(),
                    a.nodeId(), b.nodeId(), List.of()));
        }
        return Order.of(header, orderId, orderUpdateId, null, nodes, edges);
    }
}
