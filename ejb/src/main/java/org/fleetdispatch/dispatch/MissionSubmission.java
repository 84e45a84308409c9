package org.fleetdispatch.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.mission.tree.MissionNode;

/**
 * A request to run a mission (Isaac Mission Dispatch's MissionSpecV1, plus name and prefix).
 *
 * @param robot       the robot's name; {@code null} or empty to let the dispatcher choose an idle one
 * @param timeout     {@code null} for 300 s
 * @param deadline    when it must be done by, or {@code null}
 */
public record MissionSubmission(String name, String prefix, String robot, List<MissionNode> missionTree,
                                Duration timeout, Instant deadline) {
}
