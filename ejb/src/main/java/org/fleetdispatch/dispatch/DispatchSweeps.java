package org.fleetdispatch.dispatch;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.fleetdispatch.mission.FailureCategory;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.MissionRepository;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeType;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotRepository;

/**
 * The dispatcher's periodic work, each pass in a transaction of its own, all of it safe to run on
 * several instances at once (rows are locked with SKIP LOCKED, or the change is idempotent).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DispatchSweeps {

    private static final Logger LOG = Logger.getLogger(DispatchSweeps.class.getName());
    private static final int BATCH = 100;

    @Inject
    private Dispatcher dispatcher;

    @Inject
    private MissionRepository missions;

    @Inject
    private RobotRepository robots;

    @Inject
    private RobotMessages messages;

    @Inject
    private InstantActionRetries retries;

    @Inject
    private jakarta.enterprise.event.Event<org.fleetdispatch.mission.MissionWritten> missionWritten;

    private final Clock clock = Clock.systemUTC();

    /** Starts the head of one robot's queue if it can take it. */
    public boolean startNext(String robot) {
        return dispatcher.startNext(robot);
    }

    /** Gives one mission submitted without a robot to an idle robot. */
    public boolean assignNext() {
        return dispatcher.assignNext();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<String> robotsWithQueuedMissions() {
        return missions.robotsWithQueuedMissions();
    }

    /**
     * Fails running missions past their timeout or deadline; their robots get cancelOrder. Each robot is locked
     * before its mission, as a robot's state locks them; a robot another transaction holds is left for the next
     * pass rather than waited for.
     */
    public int expireOverdue() {
        Instant now = clock.instant();
        Map<String, String> overdueByRobot = new HashMap<>();
        for (MissionRepository.Assignment overdue : missions.overdue(now, BATCH)) {
            overdueByRobot.put(overdue.robot(), overdue.mission());
        }
        int expired = 0;
        for (Robot robot : robots.lockUnlessBusy(overdueByRobot.keySet())) {
            Optional<Mission> overdue = missions.lockIfAssigned(overdueByRobot.get(robot.name()), robot.name())
                    .filter(m -> m.isOverdue(now));
            if (overdue.isPresent()) {
                Mission mission = overdue.get();
                LOG.info(() -> "Mission " + mission.name() + " on " + robot.name() + " is overdue: failing it");
                dispatcher.expire(mission, robot, now);
                expired++;
            }
        }
        for (Mission waiting : missions.lockExpiredQueued(now, BATCH)) {
            waiting.expire(FailureCategory.DEADLINE, "Mission missed its deadline " + waiting.deadline() + " before it could start", now);
            missionWritten.fire(org.fleetdispatch.mission.MissionWritten.changed(waiting));
        }
        return expired;
    }

    /** Takes offline the robots silent for longer than their heartbeat timeout. */
    public int heartbeats() {
        Instant now = clock.instant();
        List<Robot> silent = robots.lockSilent(now);
        for (Robot robot : silent) {
            LOG.info(() -> "Robot " + robot.name() + " silent since " + robot.status().lastSeen() + ": offline");
            robot.heartbeatLost(now);
        }
        return silent.size();
    }

    /**
     * Sends again what robots have not acted on: startTeleop/stopTeleop until the operating mode shows
     * it, factsheetRequest until a factsheet arrived.
     */
    public void resendInstantActions() {
        Instant now = clock.instant();
        Set<String> waiting = new HashSet<>();
        for (Robot robot : robots.awaitingInstantActions()) {
            String teleop = robot.switchTeleop() ? "startTeleop" : "stopTeleop";
            if (robot.switchTeleop() != robot.status().manualMode()) {
                waiting.add(InstantActionRetries.key(robot.name(), teleop));
                if (robot.status().online() && retries.due(robot.name(), teleop, now)) {
                    robots.lock(robot.name()).ifPresent(r -> messages.instantAction(r, teleop));
                }
            }
            if (robot.status().factsheet() == null) {
                waiting.add(InstantActionRetries.key(robot.name(), "factsheetRequest"));
                if (robot.status().online() && retries.due(robot.name(), "factsheetRequest", now)) {
                    robots.lock(robot.name()).ifPresent(r -> messages.instantAction(r, "factsheetRequest"));
                }
            }
        }
        retries.retainOnly(waiting);
    }

    /** Deletes robots marked PENDING_DELETE once no mission runs on them. */
    public void deletePending() {
        for (Robot robot : robots.pendingDelete()) {
            if (missions.running(robot.name()).isEmpty()) {
                robots.lock(robot.name()).ifPresent(robots::remove);
            }
        }
    }

    /**
     * After a restart: the orders of running missions go out again (idempotent for robots that have
     * them), and notify leaves that were running are returned so that they are called again.
     */
    public List<NotifyDue> resumeRunning() {
        List<NotifyDue> notifies = new ArrayList<>();
        for (Mission mission : missions.runningWithOrders()) {
            // the robot's row before the mission's, as a robot's state locks them: it counts the order's headerId
            robots.lock(mission.robot()).ifPresent(robot -> missions.lock(mission.name())
                    .filter(m -> m.state() == MissionState.RUNNING && robot.name().equals(m.robot()))
                    .ifPresent(m -> dispatcher.resend(m, robot)));
        }
        notifies.addAll(runningNotifies());
        return notifies;
    }

    /** Notify leaves that are RUNNING now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<NotifyDue> runningNotifies() {
        List<NotifyDue> notifies = new ArrayList<>();
        for (Mission mission : missions.runningWithoutOrders()) {
            int leaf = mission.currentNode();
            MissionNode node = mission.tree().node(leaf);
            if (node.type() == NodeType.NOTIFY && mission.nodeStatus().get(node.name()).state() == MissionState.RUNNING) {
                notifies.add(new NotifyDue(mission.name(), leaf, node.name(), node.notification()));
            }
        }
        return notifies;
    }

    /** Whether the mission still runs and its notify leaf {@code leaf} with it. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean notifyRunning(String missionName, int leaf) {
        return missions.find(missionName).filter(m -> m.state() == MissionState.RUNNING)
                .map(m -> m.nodeStatus().get(m.tree().node(leaf).name()).state() == MissionState.RUNNING)
                .orElse(false);
    }

    /** A notify leaf's HTTP call ended. */
    public void notifyFinished(String mission, int leaf, boolean success, String message) {
        dispatcher.notifyFinished(mission, leaf, success, message);
    }
}
