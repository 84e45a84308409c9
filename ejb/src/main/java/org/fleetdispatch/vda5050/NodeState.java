package org.fleetdispatch.vda5050;

import java.util.Objects;

/** A node the AGV still has to traverse (section 6.10.6, "nodeState"). */
public record NodeState(String nodeId, long sequenceId, String nodeDescription, NodePosition nodePosition,
                        boolean released) {

    public NodeState {
        Objects.requireNonNull(nodeId, "nodeId");
    }
}
