package org.fleetdispatch.vda5050;

import java.util.Objects;

/**
 * The AGV's position on a map (section 6.10.6, "agvPosition"); metres and radians, theta in [-pi, pi].
 *
 * @param localizationScore optional, [0, 1]
 * @param deviationRange    optional, metres
 */
public record AgvPosition(double x, double y, double theta, String mapId, String mapDescription,
                          boolean positionInitialized, Double localizationScore, Double deviationRange) {

    public AgvPosition {
        Objects.requireNonNull(mapId, "mapId");
    }

    public static AgvPosition of(double x, double y, double theta, String mapId) {
        return new AgvPosition(x, y, theta, mapId, null, true, null, null);
    }
}
