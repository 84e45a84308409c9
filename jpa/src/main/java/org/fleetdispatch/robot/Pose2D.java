package org.fleetdispatch.robot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A position on a map: metres and radians in the map's frame, as VDA 5050's {@code agvPosition}. */
@Embeddable
public class Pose2D {

    @Column(name = "pose_x")
    private double x;

    @Column(name = "pose_y")
    private double y;

    @Column(name = "pose_theta")
    private double theta;

    @Column(name = "pose_map_id")
    private String mapId;

    protected Pose2D() {
        // for JPA
    }

    public Pose2D(double x, double y, double theta, String mapId) {
        this.x = x;
        this.y = y;
        this.theta = theta;
        this.mapId = mapId == null ? "" : mapId;
    }

    public static Pose2D origin() {
        return new Pose2D(0, 0, 0, "");
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public double theta() {
        return theta;
    }

    public String mapId() {
        return mapId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pose2D p && x == p.x && y == p.y && theta == p.theta && Objects.equals(mapId, p.mapId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(x, y, theta, mapId);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + theta + " @ " + mapId + ")";
    }
}
