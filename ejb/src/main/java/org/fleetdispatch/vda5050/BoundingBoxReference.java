package org.fleetdispatch.vda5050;

/** Reference point of a load's bounding box, in vehicle coordinates (section 6.10.6). */
public record BoundingBoxReference(double x, double y, double z, Double theta) {
}
