package org.fleetdispatch.robot;

import java.util.List;

/**
 * Query parameters of {@code GET /robot}; {@code null} (or an empty list) means "any".
 *
 * @param robotType matches the factsheet's series name ({@code typeSpecification.seriesName})
 */
public record RobotFilter(Double minBattery, Double maxBattery, RobotState state, Boolean online,
                          Boolean positionInitialized, List<String> names, String robotType) {

    public static final RobotFilter ALL = new RobotFilter(null, null, null, null, null, null, null);

    public RobotFilter {
        names = names == null ? List.of() : List.copyOf(names);
    }
}
