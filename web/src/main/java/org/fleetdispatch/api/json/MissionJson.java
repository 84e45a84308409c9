package org.fleetdispatch.api.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fleetdispatch.mission.FailureCategory;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeSpecs;
import org.fleetdispatch.mission.tree.NodeStatus;
import org.fleetdispatch.robot.Lifecycle;

/** A mission as the API shows it: Isaac Mission Dispatch's MissionObjectV1. */
@Schema(name = "Mission", description = "A mission: its tree, its robot, and how far it got")
public record MissionJson(
        String name,
        @Schema(description = "The robot it is for; empty until the dispatcher assigns one to a mission submitted without")
        String robot,
        List<MissionNode> missionTree,
        @Schema(description = "Seconds it may run", defaultValue = "300") double timeout,
        @Schema(description = "When it must be done by (ISO-8601), or null") Instant deadline,
        boolean needsCanceled,
        @Schema(description = "Always null: route updates are applied at once, never left pending")
        Map<String, NodeSpecs.Route> updateNodes,
        MissionStatusJson status,
        Lifecycle lifecycle) {

    @Schema(name = "MissionStatus")
    public record MissionStatusJson(
            MissionState state,
            @Schema(description = "Index in mission_tree of the node running now") int currentNode,
            @Schema(description = "Every node's status by name, and root's") Map<String, NodeStatus> nodeStatus,
            @Schema(description = "Route node name → task waypoints (allowedDeviationXY 0) reached") Map<String, Integer> taskStatus,
            Instant startTimestamp,
            Instant endTimestamp,
            String failureReason,
            FailureCategory failureCategory) {
    }

    public static MissionJson of(Mission mission) {
        return new MissionJson(mission.name(), mission.robot() == null ? "" : mission.robot(), mission.tree().nodes(),
                Seconds.of(mission.timeout()), mission.deadline(), mission.needsCanceled(), null,
                new MissionStatusJson(mission.state(), mission.currentNode(), mission.nodeStatus(), mission.taskStatus(),
                        mission.startTimestamp(), mission.endTimestamp(), mission.failureReason(), mission.failureCategory()),
                mission.lifecycle());
    }

    /**
     * What a watch stream shows for a mission that is gone: its name, lifecycle DELETED, and a default
     * spec that passes Isaac Mission Dispatch's validation (one sequence node), as IMD sends it. Only name
     * and lifecycle mean anything.
     */
    public static MissionJson deleted(String name) {
        return new MissionJson(name, "", List.of(MissionNode.sequence("0", MissionNode.ROOT)),
                Seconds.of(Mission.DEFAULT_TIMEOUT), null, false, null,
                new MissionStatusJson(MissionState.PENDING, 0, Map.of(), Map.of(), null, null, null, null),
                Lifecycle.DELETED);
    }
}
