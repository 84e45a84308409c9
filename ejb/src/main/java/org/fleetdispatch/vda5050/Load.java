package org.fleetdispatch.vda5050;

/** A load the AGV carries (section 6.10.6, "load"); every field optional. */
public record Load(String loadId, String loadType, String loadPosition, BoundingBoxReference boundingBoxReference,
                   LoadDimensions loadDimensions, Double weight) {
}
