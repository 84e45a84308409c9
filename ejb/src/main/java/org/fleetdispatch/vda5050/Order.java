package org.fleetdispatch.vda5050;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Topic {@code order}, master control to AGV (section 6.7): a graph of nodes and edges, the released part (base)
 * to drive and the unreleased part (horizon) to expect. An order update keeps the orderId and raises the
 * orderUpdateId; its first node is the last base node of the previous message (section 6.6.2).
 */
public record Order(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                    String orderId, long orderUpdateId, String zoneSetId, List<Node> nodes, List<Edge> edges)
        implements Vda5050Message {

    public Order {
        Objects.requireNonNull(orderId, "orderId");
        nodes = Lists.required(nodes, "nodes");
        edges = Lists.required(edges, "edges");
    }

    /** A message with the given header fields. */
    public static Order of(Header header, String orderId, long orderUpdateId, String zoneSetId, List<Node> nodes,
                 List<Edge> edges) {
        return new Order(header.headerId(), header.timestamp(), header.version(), header.manufacturer(), header.serialNumber(),
                orderId, orderUpdateId, zoneSetId, nodes, edges);
    }

    @Override
    public Topic topic() {
        return Topic.ORDER;
    }

    @Override
    public Order withHeader(Header h) {
        return of(h, orderId, orderUpdateId, zoneSetId, nodes, edges);
    }
}
