package org.fleetdispatch.mission.tree;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;

/**
 * A pose to travel to (Isaac Mission Dispatch's Pose2D): metres and radians on a map, with VDA 5050's
 * allowed deviations. {@code allowedDeviationXY == 0} means the robot must reach it within its own
 * tolerance: such a waypoint counts as a task in {@code task_status}.
 */
public record Waypoint(
        double x,
        double y,
        double theta,
        String mapId,
        @JsonbProperty("allowedDeviationXY") Double allowedDeviationXY,
        @JsonbProperty("allowedDeviationTheta") Double allowedDeviationTheta) {

    public Waypoint {
        mapId = mapId == null ? "" : mapId;
        allowedDeviationXY = allowedDeviationXY == null ? 0.0 : allowedDeviationXY;
        allowedDeviationTheta = allowedDeviationTheta == null ? 0.0 : allowedDeviationTheta;
    }

    public static Waypoint at(double x, double y, double theta, String mapId) {
        return new Waypoint(x, y, theta, mapId, 0.0, 0.0);
    }

    /** Whether reaching this waypoint counts as completing a task. */
    @JsonbTransient
    public boolean isTask() {
        return allowedDeviationXY == 0.0;
    }
}
