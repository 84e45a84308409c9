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
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.annotation.Metric;
import org.fleetdispatch.persistence.Durability;
import org.fleetdispatch.platform.AfterCommit;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotReport;
import org.fleetdispatch.robot.RobotRepository;
import org.fleetdispatch.vda5050.State;

/**
 * What a robot's {@code state} messages write to the database: the slow path, one message that the
 * dispatcher acts on, and the flush of the statuses the fast path kept in memory. Each in a transaction
 * of its own; the state handler calls it only when the database is needed (ADR 0006).
 */
@Stateless
public class RobotStatusWriter {

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
            description = "Robot state messages that took the slow path (mission advanced or its task_status counted in a transaction committed before the message is acknowledged)")
    private Counter slowPath;

    /**
     * The slow path: locks the robot, writes its status and advances its mission, and once this commits
     * tells the feed what the robot's next states are compared with. The message is acknowledged after
     * this returns, so after the commit.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void advance(RobotFeed.Entry entry, RobotFeed.StateDigest digest, RobotReport report, State state,
                        Instant receivedAt) {
        Robot robot = robots.lock(entry.name()).orElse(null);
        if (robot == null) {
            feed.forget(report.manufacturer(), report.serialNumber());
            return;
        }
        slowPath.inc();
        robot.report(report);
        RunningOrder running = dispatcher.progress(robot, state, receivedAt, entry.lastOrder());
        boolean robotHasIt = running != null
                && (dispatcher.sentOrder(robot) || running.isOrder(state.orderId(), state.orderUpdateId()));
        AfterCommit.run(transactions, () -> entry.settled(digest, running, state.timestamp(), robotHasIt));
    }

    /**
     * A state whose only news is task waypoints passed ({@link RobotFeed.Entry#onlyTasksPassed}): counts them with
     * only the mission locked, and leaves the robot's status to the flush. Half the benchmark's state messages that
     * need a transaction are such (a two-waypoint route), and locking and writing the robot were half their round
     * trips.
     *
     * @return whether they were counted; if not (the mission moved on meanwhile), nothing was written and the
     *         caller takes {@link #advance}
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public boolean countTasks(RobotFeed.Entry entry, RobotFeed.StateDigest digest, RobotReport report, State state) {
        RunningOrder running = dispatcher.countTasks(entry.name(), state, entry.lastOrder());
        if (running == null) {
            return false;
        }
        slowPath.inc();
        entry.pending(report);
        // the robot drives that very order (Dispatcher.countTasks checked it)
        AfterCommit.run(transactions, () -> entry.settled(digest, running, state.timestamp(), true));
        return true;
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
}
