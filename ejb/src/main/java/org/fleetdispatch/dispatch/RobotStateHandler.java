package org.fleetdispatch.dispatch;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.fleetdispatch.persistence.Durability;
import org.fleetdispatch.platform.AfterCommit;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotReport;
import org.fleetdispatch.robot.RobotRepository;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.AgvPosition;
import org.fleetdispatch.vda5050.Info;
import org.fleetdispatch.vda5050.OperatingMode;
import org.fleetdispatch.vda5050.State;

/**
 * A robot's {@code state} messages: the fast path remembers the status for the next flush; the slow path,
 * taken when the message says something the dispatcher acts on, writes the status and advances the
 * robot's mission in the caller's transaction (the MDB's, so the message is acknowledged after commit).
 * A robot driving the order its mission waits on takes the fast path from node to node (see
 * {@link RobotFeed}); a one-route mission costs a slow path per task waypoint, its last node included.
 */
@Stateless
public class RobotStateHandler {

    static final int FLUSH_BATCH = 25;

    @Inject
    private RobotFeed feed;

    @Inject
    private RobotRepository robots;

    @Inject
    private Dispatcher dispatcher;

    @Inject
    private Durability durability;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** How many state messages needed the database: with the fast path's share, what the flush saves. */
    @Inject
    @Metric(name = "fleetdispatch_state_slow_path", absolute = true,
            description = "Robot state messages that took the slow path (robot locked, mission advanced, in the message's transaction)")
    private Counter slowPath;

    /**
     * @param manufacturer from the topic the message came on
     * @param serialNumber likewise
     */
    public void onState(String manufacturer, String serialNumber, State state, Instant receivedAt) {
        RobotFeed.Entry entry = feed.entry(manufacturer, serialNumber,
                () -> robots.findByIdentity(manufacturer, serialNumber).map(Robot::name));
        if (entry.name() == null) {
            return; // not a robot we manage: any device may publish on the broker
        }
        RobotReport report = report(manufacturer, serialNumber, state, receivedAt);
        RobotFeed.StateDigest digest = digest(state);
        if (entry.offer(state, digest, report)) {
            return;
        }
        Robot robot = robots.lock(entry.name()).orElse(null);
        if (robot == null) {
            feed.forget(manufacturer, serialNumber);
            return;
        }
        slowPath.inc();
        robot.report(report);
        RunningOrder running = dispatcher.progress(robot, state, receivedAt);
        AfterCommit.run(transactions, () -> entry.settled(digest, running));
    }

    /**
     * The statuses that arrived on the fast path since the last flush, in batches of {@value #FLUSH_BATCH}
     * robots for {@link #flush(List)}: a batch keeps its robots locked until it commits, and a state message
     * that needs one of them waits that long.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<List<RobotFeed.Pending>> pendingBatches() {
        List<RobotFeed.Pending> pending = feed.drainPending();
        List<List<RobotFeed.Pending>> batches = new ArrayList<>();
        for (int i = 0; i < pending.size(); i += FLUSH_BATCH) {
            batches.add(List.copyOf(pending.subList(i, Math.min(pending.size(), i + FLUSH_BATCH))));
        }
        return batches;
    }

    /**
     * Writes one batch of fast-path statuses, in a transaction of its own.
     *
     * <p>The robots are locked with one query that skips the ones another transaction holds; a skipped robot
     * is being written elsewhere (usually by the slow path, with a newer state) and its report waits for the
     * next flush unless a newer one arrives. The commit does not wait for the disk: the next flush writes
     * newer statuses anyway, and waiting would keep the batch's robots locked through a WAL flush.
     *
     * @return how many statuses were written
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int flush(List<RobotFeed.Pending> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        durability.relaxForThisTransaction();
        Map<String, RobotFeed.Pending> byRobot = new HashMap<>();
        for (RobotFeed.Pending p : batch) {
            byRobot.put(p.robot(), p);
        }
        int written = 0;
        for (Robot robot : robots.lockUnlessBusy(byRobot.keySet())) {
            robot.reportIfNewer(byRobot.remove(robot.name()).report());
            written++;
        }
        for (RobotFeed.Pending skipped : byRobot.values()) {
            skipped.entry().restore(skipped.report());
        }
        return written;
    }

    /**
     * What the dispatcher acts on, in two halves: the robot's (actions, errors, information, operating mode,
     * charging, pause, whether it knows where it is) and its order progress (order, update, last node, what is
     * left). Pose, battery level and velocities are left out on purpose: they change on every message and only
     * need to reach the database once per flush.
     */
    static RobotFeed.StateDigest digest(State s) {
        StringBuilder robot = new StringBuilder(96)
                .append(s.operatingMode()).append('|').append(s.batteryState().charging()).append('|')
                .append(s.paused()).append('|')
                .append(s.agvPosition() != null && s.agvPosition().positionInitialized()).append('|');
        for (ActionState a : s.actionStates()) {
            robot.append(a.actionId()).append('=').append(a.actionStatus()).append(',');
        }
        robot.append('|');
        for (AgvError e : s.errors()) {
            robot.append(e.errorType()).append(':').append(e.errorLevel()).append(':').append(e.errorDescription()).append(',');
        }
        if (s.information() != null) {
            robot.append('|');
            for (Info i : s.information()) {
                robot.append(i.infoType()).append(':').append(i.infoDescription()).append(',');
            }
        }
        String progress = s.orderId() + '|' + s.orderUpdateId() + '|' + s.lastNodeId() + '|' + s.lastNodeSequenceId()
                + '|' + s.nodeStates().size() + '|' + s.edgeStates().size();
        return new RobotFeed.StateDigest(robot.toString(), progress);
    }

    static RobotReport report(String manufacturer, String serialNumber, State s, Instant receivedAt) {
        AgvPosition position = s.agvPosition();
        Pose2D pose = position == null ? null : new Pose2D(position.x(), position.y(), position.theta(), position.mapId());
        Map<String, String> errors = new LinkedHashMap<>();
        for (AgvError e : s.errors()) {
            errors.put(e.errorType(), e.errorLevel() + (e.errorDescription() == null ? "" : ": " + e.errorDescription()));
        }
        Map<String, String> information = new LinkedHashMap<>();
        if (s.information() != null) {
            for (Info i : s.information()) {
                information.put(i.infoType(), i.infoDescription() == null ? String.valueOf(i.infoLevel()) : i.infoDescription());
            }
        }
        boolean manual = s.operatingMode() == OperatingMode.MANUAL || s.operatingMode() == OperatingMode.TEACHIN;
        return new RobotReport(receivedAt, s.batteryState().batteryCharge(), s.batteryState().charging(), pose,
                position != null && position.positionInitialized(), manual, errors, information, manufacturer, serialNumber);
    }
}
