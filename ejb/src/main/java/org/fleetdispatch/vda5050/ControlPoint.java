package org.fleetdispatch.vda5050;

/** A NURBS control point (section 6.7, "controlPoint"); weight defaults to 1.0 when absent. */
public record ControlPoint(double x, double y, Double weight) {
}
