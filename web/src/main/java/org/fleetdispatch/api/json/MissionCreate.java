package org.fleetdispatch.api.json;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.MissionSubmission;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.NodeSpecs;

/**
 * The body of {@code POST /mission}: Isaac Mission Dispatch's MissionSpecV1 plus name or prefix. IMD
 * clients send every field of the spec, {@code needs_canceled} and {@code update_nodes} included;
 * those are accepted when they ask for nothing (false, null or empty).
 */
@Schema(name = "MissionCreate", description = "A mission to run. Give name or prefix, not both; neither gives a random name.")
public record MissionCreate(
        String name,
        @Schema(description = "Name the mission <prefix>-<random id>") String prefix,
        @Schema(description = "The robot's name; empty or left out to let the dispatcher pick an idle, online robot")
        String robot,
        @Schema(description = "At least one node; a parent must come before its children") List<MissionNode> missionTree,
        @Schema(description = "Seconds it may run once started", defaultValue = "300") Double timeout,
        @Schema(description = "ISO-8601 date-time it must be done by; without an offset it is UTC") String deadline,
        @Schema(description = "Must be false or left out: cancel with POST /mission/{name}/cancel") Boolean needsCanceled,
        @Schema(description = "Must be null, empty or left out: update with POST /mission/{name}/update")
        Map<String, NodeSpecs.Route> updateNodes) {

    public MissionSubmission toSubmission() {
        Names.check("name", name);
        Names.check("prefix", prefix);
        if (Boolean.TRUE.equals(needsCanceled)) {
            throw new InvalidSpecException("needs_canceled cannot be set when creating a mission; POST /mission/{name}/cancel cancels one");
        }
        if (updateNodes != null && !updateNodes.isEmpty()) {
            throw new InvalidSpecException("update_nodes cannot be set when creating a mission; POST /mission/{name}/update updates routes");
        }
        var deadlineAt = deadline == null ? null : Timestamps.parse(deadline).orElseThrow(() ->
                new InvalidSpecException("deadline must be an ISO-8601 date-time, e.g. 2030-01-31T12:00:00Z, was '" + deadline + "'"));
        return new MissionSubmission(name, prefix, robot, missionTree, Seconds.toDuration("timeout", timeout), deadlineAt);
    }
}
