package org.fleetdispatch.mission;

import java.time.Instant;
import org.fleetdispatch.mission.tree.MissionState;

/**
 * Query parameters of {@code GET /mission}; {@code null} means "any".
 *
 * @param mostRecent only the newest N missions (still returned oldest first)
 */
public record MissionFilter(MissionState state, String robot, Instant startedAfter, Instant startedBefore,
                            Integer mostRecent) {

    public static final MissionFilter ALL = new MissionFilter(null, null, null, null, null);

    public MissionFilter {
        if (mostRecent != null && mostRecent < 1) {
            throw new IllegalArgumentException("most_recent must be at least 1, was " + mostRecent);
        }
    }
}
