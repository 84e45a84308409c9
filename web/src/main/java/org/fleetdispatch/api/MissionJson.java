package org.fleetdispatch.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.NodeStatus;

/** A mission as the API shows it (Isaac Mission Dispatch's MissionObjectV1): spec fields, status, lifecycle. */
public record MissionJson(String name, String robot, List<MissionNode> missionTree, double timeout, Instant deadline,
                          boolean needsCanceled, StatusJson status, String lifecycle) {

    /** What a client sends to create a mission. */
    public record Request(String name, String prefix, String robot, List<MissionNode> missionTree, Double timeout,
                          Instant deadline) {
    }

    public record StatusJson(String state, int currentNode, Map<String, NodeStatus> nodeStatus, Map<String, Integer> taskStatus,
                             Instant startTimestamp, Instant endTimestamp, String failureReason, String failureCategory) {
    }

    static MissionJson of(Mission m) {
        return new MissionJson(m.name(), m.robot(), m.tree().nodes(), m.timeout().toNanos() / 1e9, m.deadline(),
                m.needsCanceled(),
                new StatusJson(m.state().name(), m.currentNode(), m.nodeStatus(), m.taskStatus(), m.startTimestamp(),
                        m.endTimestamp(), m.failureReason(), m.failureCategory() == null ? null : m.failureCategory().name()),
                m.lifecycle().name());
    }
}
