package org.fleetdispatch.dispatch;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.fleetdispatch.mission.FailureCategory;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.mission.MissionRepository;
import org.fleetdispatch.mission.MissionWritten;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeType;
import org.fleetdispatch.mission.tree.TreeRun;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.platform.AfterCommit;
import org.fleetdispatch.robot.Lifecycle;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotRepository;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;

/**
 * Runs missions on robots: starts the head of a robot's queue, turns leaves into orders, reads progress
 * from the robot's state, ends missions and moves on to the next.
 *
 * <p>Every method joins the caller's transaction and locks what it changes (the robot, then its
 * mission), so that several server instances can dispatch side by side: whoever holds the robot's row
 * decides for it. Messages to robots go to the outbox in the same transaction.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    private RobotRepository robots;

    @Inject
    private MissionRepository missions;

    @Inject
    private RobotMessages messages;

    @Inject
    private Vda5050Json json;

    @Inject
    private Event<NotifyDue> notifyDue;

    @Inject
    private Event<MissionWritten> missionWritten;

    @Inject
    private RobotFeed feed;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** The key under which a transaction keeps the order it sent a robot (a resource of the transaction). */
    private record SentOrder(String robot) {
    }

    /** The key under which a transaction keeps the head of a robot's queue, locked with its running mission. */
    private record QueueHead(String robot) {
    }

    private final Clock clock = Clock.systemUTC();

    /** A mission and its robot, both locked; no robot when the mission has none or its robot is not registered. */
    public record LockedMission(Mission mission, Optional<Robot> robot) {

        /** The robot of a mission that runs, which has one: a robot is deleted only once no mission runs on it. */
        Robot runningRobot() {
            return robot.orElseThrow(() -> new IllegalStateException(
                    "mission " + mission.name() + " runs on robot " + mission.robot() + ", which is gone"));
        }
    }

    /**
     * The named mission and its robot, locked robot first, as a robot's state locks them: the API's cancel, update
     * and delete and a notify leaf's outcome locked the mission and then its robot, and a state that held the robot
     * and waited for the mission could deadlock with them (PostgreSQL aborted one of the two a second later).
     *
     * @return empty when no mission has that name
     */
    public Optional<LockedMission> lockWithRobot(String missionName) {
        // a mission's robot changes at most once (assignment of one submitted without a robot): a second round
        // finds it, with nothing locked after the first
        for (int round = 0; round < 3; round++) {
            Optional<MissionRepository.Assignment> seen = missions.assignment(missionName);
            if (seen.isEmpty()) {
                return Optional.empty();
            }
            String robotName = seen.get().robot();
            Optional<Robot> robot = robotName == null ? Optional.empty() : robots.lock(robotName);
            Optional<Mission> mission = missions.lockIfAssigned(missionName, robotName);
            if (mission.isPresent()) {
                return Optional.of(new LockedMission(mission.get(), robot));
            }
        }
        throw new IllegalStateException("mission " + missionName + " kept changing robots while it was being locked");
    }

    /**
     * Starts the oldest mission queued for the robot if the robot can take it now.
     *
     * @return whether a mission started
     */
    public boolean startNext(String robotName) {
        return robots.lock(robotName).map(this::startNext).orElse(false);
    }

    /** As {@link #startNext(String)}, for a robot this transaction has locked already. */
    boolean startNext(Robot robot) {
        if (!robot.isAvailable() || missions.running(robot.name()).isPresent()) {
            return false;
        }
        Optional<Mission> next = missions.lockNextQueued(robot.name());
        if (next.isEmpty()) {
            return false;
        }
        start(next.get(), robot, null);
        return true;
    }

    /**
     * Gives the oldest mission submitted without a robot to the idle, online robot with nothing queued
     * that is nearest to its first waypoint on the same map (IMD cannot do this).
     *
     * @return whether a mission was assigned
     */
    public boolean assignNext() {
        Optional<Mission> mission = missions.lockNextUnassigned();
        if (mission.isEmpty()) {
            return false;
        }
        Optional<Robot> robot = robots.lockAvailable(start(mission.get()));
        if (robot.isEmpty()) {
            return false;
        }
        mission.get().assignTo(robot.get().name());
        LOG.fine(() -> "Mission " + mission.get().name() + " assigned to " + robot.get().name());
        start(mission.get(), robot.get(), null);
        return true;
    }

    /** Where a mission's first route begins, or {@code null} if its first robot leaf is not a route. */
    private static org.fleetdispatch.robot.Pose2D start(Mission mission) {
        for (MissionNode node : mission.tree().nodes()) {
            if (node.type() == NodeType.ROUTE) {
                Waypoint first = node.route().waypoints().get(0);
                return new org.fleetdispatch.robot.Pose2D(first.x(), first.y(), first.theta(), first.mapId());
            }
            if (node.type().isRobotLeaf()) {
                return null;
            }
        }
        return null;
    }

    private void start(Mission mission, Robot robot, Instant cause) {
        robot.onTask(true);
        apply(mission, robot, mission.start(now()), cause);
    }

    /**
     * Acts on what the tree did: execute a newly started leaf, or close the mission and start the next.
     *
     * @param cause when the input that led here arrived (a robot's state), or {@code null}
     */
    private void apply(Mission mission, Robot robot, TreeRun.Outcome outcome, Instant cause) {
        missionWritten.fire(MissionWritten.changed(mission));
        if (outcome.missionState() == MissionState.RUNNING) {
            if (outcome.startedLeaf()) {
                execute(mission, robot, outcome.runningLeaf(), cause);
            }
            return;
        }
        LOG.fine(() -> "Mission " + mission.name() + " on " + robot.name() + " ended " + outcome.missionState());
        robot.onTask(false);
        startQueued(robot, cause);
    }

    /**
     * Starts the robot's oldest queued mission if the robot can take it, for a caller that knows no mission
     * runs on the robot (its one running mission just ended, or the database said none runs).
     */
    void startQueued(Robot robot, Instant cause) {
        if (robot.isAvailable()) {
            nextQueued(robot).ifPresent(next -> start(next, robot, cause));
        }
    }

    /** The head of the robot's queue, locked: the one locked with its running mission if still queued, else asked. */
    private Optional<Mission> nextQueued(Robot robot) {
        @SuppressWarnings("unchecked")
        Optional<Mission> locked = (Optional<Mission>) transactions.getResource(new QueueHead(robot.name()));
        boolean stillQueued = locked != null
                && locked.map(m -> m.state() == MissionState.PENDING && m.lifecycle() == Lifecycle.ALIVE).orElse(true);
        if (stillQueued) {
            return locked;
        }
        return missions.lockNextQueued(robot.name());
    }

    private void execute(Mission mission, Robot robot, int leaf, Instant cause) {
        MissionNode node = mission.tree().node(leaf);
        if (node.type().isRobotLeaf()) {
            String orderId = mission.name() + "-" + leaf + "-" + Names.randomId().substring(0, 8);
            RobotMessages.Sent<Order> sent = messages.send(robot, Topic.ORDER,
                    header -> Orders.forLeaf(header, orderId, node, robot.status().pose()), cause);
            mission.orderSent(leaf, orderId, 0, sent.payload());
            ordered(robot, running(mission, node, sent.message()));
        } else if (node.type() == NodeType.NOTIFY) {
            notifyDue.fire(new NotifyDue(mission.name(), leaf, node.name(), node.notification()));
        } else {
            throw new IllegalStateException("leaf '" + node.name() + "' of type " + node.type() + " cannot be executed");
        }
    }

    /**
     * The sequence ids of the order's nodes that are task waypoints of the route it was built from (nodes
     * {@code wp-1}, {@code wp-2}, … are the route's waypoints in order).
     */
    private static Set<Long> taskSequenceIds(MissionNode node, Order order) {
        if (node.type() != NodeType.ROUTE) {
            return Set.of();
        }
        List<Waypoint> waypoints = node.route().waypoints();
        Set<Long> ids = new HashSet<>();
        for (Node n : order.nodes()) {
            if (n.nodeId().startsWith("wp-")) {
                int index = Integer.parseInt(n.nodeId().substring(3)) - 1;
                if (index < waypoints.size() && waypoints.get(index).isTask()) {
                    ids.add(n.sequenceId());
                }
            }
        }
        return ids;
    }

    private static RunningOrder running(Mission mission, MissionNode node, Order order) {
        return new RunningOrder(order, taskSequenceIds(node, order), mission.taskStatus().getOrDefault(node.name(), 0));
    }

    /**
     * Remembers the order sent in this transaction, and tells the robot feed once it commits, so that the
     * robot's states of that order can take the fast path.
     */
    private void ordered(Robot robot, RunningOrder order) {
        transactions.putResource(new SentOrder(robot.name()), order);
        String manufacturer = robot.manufacturer();
        String serialNumber = robot.name();
        AfterCommit.run(transactions, () -> feed.ordered(manufacturer, serialNumber, order));
    }

    /** Whether this transaction sent the robot an order. */
    boolean sentOrder(Robot robot) {
        return sentInThisTransaction(robot) != null;
    }

    /** The order this transaction sent the robot, or {@code null}. */
    private RunningOrder sentInThisTransaction(Robot robot) {
        return (RunningOrder) transactions.getResource(new SentOrder(robot.name()));
    }

    /**
     * A state message of a robot that has (or may have) a mission running: advance the mission when the
     * robot finished or failed its order, and count the task waypoints it passed.
     *
     * @param known      the order the robot's feed last settled on, or {@code null}: when it is still the
     *                   mission's order, its stored message need not be decoded again
     * @return the order the robot's mission waits on once this transaction commits, or {@code null} (no
     *         mission running, or a leaf that is not a robot's runs)
     */
    public RunningOrder progress(Robot robot, State state, Instant receivedAt, RunningOrder known) {
        Optional<Mission> running = lockRunningAndNext(robot);
        if (running.isEmpty()) {
            if (robot.status().onTask()) {
                robot.onTask(false); // a mission ended elsewhere (canceled, timed out): the robot is free again
            }
            // also a robot that just became available (its first state after connecting initialised its
            // position): waiting for the starter's next sweep would leave it idle for up to a second
            startQueued(robot, receivedAt);
            return sentInThisTransaction(robot);
        }
        Mission mission = running.get();
        byte[] sent = mission.orderMessage();
        if (sent == null) {
            return null; // a notify leaf runs, or the order is being written
        }
        Order order = known != null && known.isOrder(mission.orderId(), mission.orderUpdateId()) ? known.order()
                : json.decode(sent, Order.class);
        OrderProgress progress = OrderProgress.of(order, state);
        int leaf = mission.orderLeaf();
        MissionNode node = mission.tree().node(leaf);
        if (node.type() == NodeType.ROUTE && progress.lastNodeSequenceId() >= 0) {
            countTasksAndTell(mission, node, order, progress);
        }
        switch (progress.outcome()) {
            case FINISHED -> {
                apply(mission, robot, mission.leafFinished(leaf, true, null, now()), receivedAt);
                return sentInThisTransaction(robot);
            }
            case FAILED -> {
                LOG.info(() -> "Mission " + mission.name() + ", node '" + node.name() + "' failed on " + robot.name() + ": "
                        + progress.reason());
                apply(mission, robot, mission.leafFinished(leaf, false, progress.reason(), now()), receivedAt);
                return sentInThisTransaction(robot);
            }
            default -> {
                return running(mission, node, order); // still waiting or driving
            }
        }
    }

    /**
     * The mission running on a robot this transaction has locked, locked too. A robot that is not on a task has
     * none, and the database is not asked: the flag is set with a mission's start and cleared with its end, each
     * in a transaction that holds the robot's row, as the caller's does. Asking anyway cost every robot's
     * {@code connection} and first state a round trip at a fleet's start.
     */
    Optional<Mission> lockRunning(Robot robot) {
        return robot.status().onTask() ? missions.lockRunning(robot.name()) : Optional.empty();
    }

    /**
     * As {@link #lockRunning(Robot)}, and the head of the robot's queue locked with it, kept for {@link
     * #startQueued} in this transaction: a state that ends a mission starts the next without asking again.
     */
    private Optional<Mission> lockRunningAndNext(Robot robot) {
        if (!robot.status().onTask()) {
            return Optional.empty();
        }
        MissionRepository.RunningAndNext locked = missions.lockRunningAndNext(robot.name());
        if (locked.nextKnown()) {
            transactions.putResource(new QueueHead(robot.name()), locked.next());
        }
        return locked.running();
    }

    /**
     * A state whose only news is task waypoints passed on {@code known}, the order the feed settled on: counts
     * them in the mission's {@code task_status} with only the mission locked. Counting decides nothing for the
     * robot, so its row is neither locked nor written (its status waits for the flush).
     *
     * @return the order the mission waits on once this transaction commits, or {@code null} when the mission no
     *         longer waits on {@code known} or the robot is no longer driving it (then nothing was changed, and the
     *         caller takes the slow path)
     */
    public RunningOrder countTasks(String robotName, State state, RunningOrder known) {
        Optional<Mission> running = missions.lockRunning(robotName);
        if (running.isEmpty() || known == null || !known.isOrder(running.get().orderId(), running.get().orderUpdateId())) {
            return null;
        }
        Mission mission = running.get();
        MissionNode node = mission.tree().node(mission.orderLeaf());
        OrderProgress progress = OrderProgress.of(known.order(), state);
        if (node.type() != NodeType.ROUTE || progress.outcome() != OrderProgress.Outcome.RUNNING) {
            return null;
        }
        countTasksAndTell(mission, node, known.order(), progress);
        return running(mission, node, known.order());
    }

    private static void countTasks(Mission mission, MissionNode node, Order order, OrderProgress progress) {
        int reached = 0;
        for (long id : taskSequenceIds(node, order)) {
            if (progress.lastNodeSequenceId() >= id) {
                reached++;
            }
        }
        if (reached > mission.taskStatus().getOrDefault(node.name(), 0)) {
            mission.tasksReached(node.name(), reached);
        }
    }

    private void countTasksAndTell(Mission mission, MissionNode node, Order order, OrderProgress progress) {
        int before = mission.taskStatus().getOrDefault(node.name(), 0);
        countTasks(mission, node, order, progress);
        if (mission.taskStatus().getOrDefault(node.name(), 0) != before) {
            missionWritten.fire(MissionWritten.changed(mission));
        }
    }

    /** A notify leaf's HTTP call ended; ignored when the mission was canceled or timed out meanwhile. */
    public void notifyFinished(String missionName, int leaf, boolean success, String message) {
        lockWithRobot(missionName).ifPresent(locked -> {
            Mission mission = locked.mission();
            if (mission.state() != MissionState.RUNNING
                    || mission.nodeStatus().get(mission.tree().node(leaf).name()).state() != MissionState.RUNNING) {
                return;
            }
            apply(mission, locked.runningRobot(), mission.leafFinished(leaf, success, message, now()), null);
        });
    }

    /**
     * Stops a mission the way a user asked; a running one's robot gets {@code cancelOrder} (IMD leaves
     * it driving).
     */
    public void cancel(LockedMission locked) {
        boolean wasRunning = locked.mission().cancel(now());
        missionWritten.fire(MissionWritten.changed(locked.mission()));
        if (wasRunning) {
            locked.robot().ifPresent(this::stop);
        }
    }

    /**
     * Ends an overdue running mission and tells its robot to stop.
     *
     * @param robot the mission's robot, locked by this transaction before the mission
     */
    public void expire(Mission mission, Robot robot, Instant now) {
        boolean deadline = mission.deadline() != null && mission.deadline().isBefore(now);
        FailureCategory category = deadline ? FailureCategory.DEADLINE : FailureCategory.TIMEOUT;
        String reason = deadline ? "Mission missed its deadline " + mission.deadline() : "Mission timed out";
        mission.fail(category, reason, now);
        missionWritten.fire(MissionWritten.changed(mission));
        stop(robot);
    }

    private void stop(Robot robot) {
        messages.instantAction(robot, "cancelOrder");
        robot.onTask(false);
    }

    /**
     * Sends the running leaf's order again, with a new header and the same orderId and orderUpdateId:
     * the robot ignores it if it has it (VDA 5050 6.6.3), and picks it up if it lost it.
     *
     * @param robot the mission's robot, locked by this transaction before the mission (its row counts the
     *              headerIds)
     */
    public void resend(Mission mission, Robot robot) {
        byte[] sent = mission.orderMessage();
        if (sent == null) {
            return;
        }
        Order order = json.decode(sent, Order.class);
        RobotMessages.Sent<Order> again = messages.send(robot, Topic.ORDER, order::withHeader);
        mission.orderSent(mission.orderLeaf(), order.orderId(), order.orderUpdateId(), again.payload());
    }

    /**
     * New waypoints for a running route node: a VDA 5050 order update (same orderId, higher
     * orderUpdateId, stitched at the last base node), not IMD's cancel-and-resend.
     */
    public void updateRunningRoute(LockedMission locked, String nodeName) {
        Mission mission = locked.mission();
        byte[] sent = mission.orderMessage();
        if (sent == null) {
            return; // the leaf has no order out yet; it will be built from the updated tree
        }
        Order previous = json.decode(sent, Order.class);
        List<Waypoint> waypoints = mission.tree().node(mission.tree().indexOf(nodeName)).route().waypoints();
        Robot robot = locked.runningRobot();
        RobotMessages.Sent<Order> update = messages.send(robot, Topic.ORDER, h -> Orders.routeUpdate(h, previous, waypoints));
        mission.orderSent(mission.orderLeaf(), previous.orderId(), update.message().orderUpdateId(), update.payload());
        ordered(robot, running(mission, mission.tree().node(mission.orderLeaf()), update.message()));
    }

    private Instant now() {
        return clock.instant();
    }
}
