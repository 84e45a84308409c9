package org.fleetdispatch.watch;

import java.util.List;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.robot.Robot;

/**
 * A subscriber of the {@link ChangeFeed}. Every method is called on the feed's single thread, in the
 * order PostgreSQL delivered the changes, and must return at once: queue, never write to a client here.
 */
public interface ChangeListener {

    /** Whether robots should be loaded and delivered now (no watcher, no database work). */
    boolean wantsRobots();

    /** Whether missions should be loaded and delivered now. */
    boolean wantsMissions();

    void robotsChanged(List<Change<Robot>> changes);

    void missionsChanged(List<Change<Mission>> changes);

    /**
     * The LISTEN connection was lost: changes made until it is back are not announced to this server.
     * Whoever promised a client every change must stop promising (close the stream).
     */
    void feedLost();
}
