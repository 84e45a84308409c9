package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.Objects;

/**
 * A node of an order (section 6.7, "node").
 *
 * @param sequenceId runs over the nodes and edges of one order: first node 0, first edge 1, second node 2, …
 * @param released   true: part of the base; false: part of the horizon
 */
public record Node(String nodeId, long sequenceId, String nodeDescription, boolean released,
                   NodePosition nodePosition, List<Action> actions) {

    public Node {
        Objects.requireNonNull(nodeId, "nodeId");
        actions = Lists.required(actions, "actions");
    }
}
