package org.fleetdispatch.vda5050;

import java.util.Objects;

/** An edge the AGV still has to traverse (section 6.10.6, "edgeState"). */
public record EdgeState(String edgeId, long sequenceId, String edgeDescription, boolean released,
                        Trajectory trajectory) {

    public EdgeState {
        Objects.requireNonNull(edgeId, "edgeId");
    }
}
