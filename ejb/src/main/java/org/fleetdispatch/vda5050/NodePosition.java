package org.fleetdispatch.vda5050;

import java.util.Objects;

/**
 * Where a node is on a map (section 6.7, "nodePosition"). Coordinates in metres, angles in radians.
 *
 * @param theta                 optional absolute orientation on the node, [-pi, pi]
 * @param allowedDeviationXY    optional radius within which the node counts as traversed; 0 means exact
 * @param allowedDeviationTheta optional allowed orientation deviation, [0, pi]
 */
public record NodePosition(double x, double y, Double theta, Double allowedDeviationXY, Double allowedDeviationTheta,
                           String mapId, String mapDescription) {

    public NodePosition {
        Objects.requireNonNull(mapId, "mapId");
    }

    public static NodePosition of(double x, double y, String mapId) {
        return new NodePosition(x, y, null, null, null, mapId, null);
    }
}
