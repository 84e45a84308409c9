package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.Objects;

/** A directed edge between two nodes of an order (section 6.7, "edge"). Optional fields are null when absent. */
public record Edge(String edgeId, long sequenceId, String edgeDescription, boolean released, String startNodeId,
                   String endNodeId, Double maxSpeed, Double maxHeight, Double minHeight, Double orientation,
                   OrientationType orientationType, String direction, Boolean rotationAllowed,
                   Double maxRotationSpeed, Trajectory trajectory, Double length, List<Action> actions) {

    public Edge {
        Objects.requireNonNull(edgeId, "edgeId");
        Objects.requireNonNull(startNodeId, "startNodeId");
        Objects.requireNonNull(endNodeId, "endNodeId");
        actions = Lists.required(actions, "actions");
    }

    /** An edge with only the required fields. */
    public static Edge of(String edgeId, long sequenceId, boolean released, String startNodeId, String endNodeId,
                          List<Action> actions) {
        return new Edge(edgeId, sequenceId, null, released, startNodeId, endNodeId, null, null, null, null, null,
                null, null, null, null, null, actions);
    }
}
