package org.fleetdispatch.mission.tree;

import java.util.Objects;

/**
 * The status of one node: its state and, when it failed or was canceled, why.
 *
 * @param state    the node's state
 * @param errorMsg the reason, or {@code null}
 */
public record NodeStatus(MissionState state, String errorMsg) {

    public static final NodeStatus PENDING = new NodeStatus(MissionState.PENDING, null);

    public NodeStatus {
        Objects.requireNonNull(state, "state");
    }

    public static NodeStatus of(MissionState state) {
        return new NodeStatus(state, null);
    }
}
