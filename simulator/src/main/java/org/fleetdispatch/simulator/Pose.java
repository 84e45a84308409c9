package org.fleetdispatch.simulator;

/** Where a simulated robot is: metres and radians (theta in [-pi, pi]) on a map. */
public record Pose(double x, double y, double theta, String mapId) {

    /** The distance in the plane to a point, in metres. */
    public double distanceTo(double px, double py) {
        return Math.hypot(px - x, py - y);
    }
}
