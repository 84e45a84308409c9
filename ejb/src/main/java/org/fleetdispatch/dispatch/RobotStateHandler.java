package org.fleetdispatch.dispatch;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.persistence.Durability;
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
        String digest = digest(state);
        if (entry.offer(digest, report)) {
            return;
        }
        Robot robot = robots.lock(entry.name()).orElse(null);
        if (robot == null) {
            feed.forget(manufacturer, serialNumber);
            return;
        }
        robot.report(report);
        dispatcher.progress(robot, state, receivedAt);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    entry.settled(digest);
                }
            }
        });
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
     * What the dispatcher acts on: order progress, actions, errors, operating mode, charging, and
     * whether the robot knows where it is. Pose, battery level and velocities are left out on purpose:
     * they change on every message and only need to reach the database once per flush.
     */
    static String digest(State s) {
        StringBuilder d = new StringBuilder(128)
                .append(s.orderId()).append('|').append(s.orderUpdateId()).append('|')
                .append(s.lastNodeId()).append('|').append(s.lastNodeSequenceId()).append('|')
                .append(s.nodeStates().size()).append('|').append(s.edgeStates().size()).append('|')
                .append(s.operatingMode()).append('|').append(s.batteryState().charging()).append('|')
                .append(s.paused()).append('|')
                .append(s.agvPosition() != null && s.agvPosition().positionInitialized()).append('|');
        for (ActionState a : s.actionStates()) {
            d.append(a.actionId()).append('=').append(a.actionStatus()).append(',');
        }
        d.append('|');
        for (AgvError e : s.errors()) {
            d.append(e.errorType()).append(':').append(e.errorLevel()).append(':').append(e.errorDescription()).append(',');
        }
        if (s.information() != null) {
            d.append('|');
            for (Info i : s.information()) {
                d.append(i.infoType()).append(':').append(i.infoDescription()).append(',');
            }
        }
        return d.toString();
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
