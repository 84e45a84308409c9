package org.fleetdispatch.vda5050;

import java.util.List;

/** A NURBS trajectory of an edge (section 6.7, "trajectory"). */
public record Trajectory(Double degree, List<Double> knotVector, List<ControlPoint> controlPoints) {

    public Trajectory {
        knotVector = Lists.required(knotVector, "knotVector");
        controlPoints = Lists.required(controlPoints, "controlPoints");
    }
}
