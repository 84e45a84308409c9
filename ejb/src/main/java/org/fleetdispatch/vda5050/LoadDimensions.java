package org.fleetdispatch.vda5050;

/** A load's bounding box in metres (section 6.10.6); height optional. */
public record LoadDimensions(double length, double width, Double height) {
}
