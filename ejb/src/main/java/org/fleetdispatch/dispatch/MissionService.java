package org.fleetdispatch.dispatch;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.MissionFilter;
import org.fleetdispatch.mission.MissionRepository;
import org.fleetdispatch.mission.MissionWritten;
import org.fleetdispatch.mission.tree.InvalidMissionException;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.MissionTree;
import org.fleetdispatch.mission.tree.NodeSpecs;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotRepository;

/**
 * Missions through the API: submit, list, read, cancel, update routes, delete. Each method is one
 * transaction; what the robot must be told (cancelOrder, an order update) goes to the outbox in it.
 */
@Stateless
public class MissionService {

    @Inject
    private MissionRepository missions;

    @Inject
    private RobotRepository robots;

    @Inject
    private Dispatcher dispatcher;

    @Inject
    private Event<QueueChanged> queueChanged;

    @Inject
    private Event<MissionWritten> missionWritten;

    private final Clock clock = Clock.systemUTC();

    /**
     * Queues a mission for its robot (which need not exist yet), or for any idle robot when none is
     * named.
     *
     * @throws InvalidSpecException   naming the node and field of a tree that breaks a rule
     * @throws AlreadyExistsException when a mission of that name exists
     */
    public Mission submit(MissionSubmission submission, String publisherId) {
        String name = Names.choose(submission.name(), submission.prefix());
        if (missions.exists(name)) {
            throw new AlreadyExistsException("mission", name);
        }
        Mission mission;
        try {
            mission = Mission.submit(name, submission.robot(), MissionTree.of(submission.missionTree()),
                    submission.timeout(), submission.deadline(), publisherId, clock.instant());
        } catch (InvalidMissionException e) {
            throw new InvalidSpecException(e.getMessage());
        }
        missions.add(mission);
        missionWritten.fire(MissionWritten.changed(mission));
        if (mission.robot() == null || robots.find(mission.robot()).map(Robot::isAvailable).orElse(false)) {
            queueChanged.fire(new QueueChanged(mission.robot()));
        }
        // else the robot is busy, offline or not registered yet: the transaction that frees it or makes it available
        // (its state or its connection) starts its queue's head; waking the starter now would only lock the robot's row
        // against its own state messages. A robot freed while this commits is caught by the sweep within a second (ADR 0007).
        return mission;
    }

    public List<Mission> list(MissionFilter filter) {
        return missions.list(filter);
    }

    /** @throws NotFoundException when no mission has that name */
    public Mission get(String name) {
        return missions.find(name).orElseThrow(() -> new NotFoundException("mission", name));
    }

    /**
     * Cancels a PENDING or RUNNING mission; a running one's robot gets cancelOrder.
     *
     * @throws ConflictException when the mission is over already
     */
    public Mission cancel(String name, String publisherId) {
        Dispatcher.LockedMission locked = lock(name);
        Mission mission = locked.mission();
        try {
            dispatcher.cancel(locked);
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
        mission.touchedBy(publisherId);
        queueChanged.fire(new QueueChanged(mission.robot()));
        return mission;
    }

    /**
     * Replaces the waypoints of route nodes that have not finished; a running one becomes a VDA 5050
     * order update.
     *
     * @throws ConflictException    when the mission or a node is over
     * @throws InvalidSpecException when a name is not a route node or a route is invalid
     */
    public Mission update(String name, Map<String, NodeSpecs.Route> routes, String publisherId) {
        if (routes == null || routes.isEmpty()) {
            throw new InvalidSpecException("update needs at least one route node, e.g. {\"drive\": {\"waypoints\": [...]}}");
        }
        Dispatcher.LockedMission locked = lock(name);
        Mission mission = locked.mission();
        Set<String> running;
        try {
            running = mission.updateRoutes(routes, publisherId);
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        } catch (InvalidMissionException e) {
            throw new InvalidSpecException(e.getMessage());
        }
        for (String node : running) {
            dispatcher.updateRunningRoute(locked, node);
        }
        missionWritten.fire(MissionWritten.changed(mission));
        return mission;
    }

    /**
     * Deletes a mission; a running one is canceled first (its robot gets cancelOrder) — IMD deletes it
     * and leaves the robot driving.
     */
    public Mission delete(String name, String publisherId) {
        Dispatcher.LockedMission locked = lock(name);
        Mission mission = locked.mission();
        if (mission.state() == MissionState.PENDING || mission.state() == MissionState.RUNNING) {
            dispatcher.cancel(locked);
            queueChanged.fire(new QueueChanged(mission.robot()));
        }
        mission.markPendingDelete(publisherId);
        missions.remove(mission);
        missionWritten.fire(MissionWritten.deleted(mission));
        return mission;
    }

    private Dispatcher.LockedMission lock(String name) {
        return dispatcher.lockWithRobot(name).orElseThrow(() -> new NotFoundException("mission", name));
    }
}
