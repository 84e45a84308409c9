package org.fleetdispatch.dispatch;

import org.fleetdispatch.mission.tree.NodeSpecs;

/** CDI event: a notify leaf started; observed after commit, so only committed work calls out. */
public record NotifyDue(String mission, int leaf, String node, NodeSpecs.Notify spec) {
}
