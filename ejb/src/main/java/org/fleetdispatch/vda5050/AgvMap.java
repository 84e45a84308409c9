package org.fleetdispatch.vda5050;

import java.util.Objects;

/** A map on the AGV (VDA 5050 2.1, state.maps; accepted as an optional field in 2.0 messages). */
public record AgvMap(String mapId, String mapVersion, String mapDescription, MapStatus mapStatus) {

    public AgvMap {
        Objects.requireNonNull(mapId, "mapId");
        Objects.requireNonNull(mapVersion, "mapVersion");
        Objects.requireNonNull(mapStatus, "mapStatus");
    }
}
