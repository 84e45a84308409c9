package org.fleetdispatch.mission;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fleetdispatch.mission.tree.InvalidMissionException;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.MissionTree;
import org.fleetdispatch.mission.tree.NodeSpecs;
import org.fleetdispatch.mission.tree.NodeStatus;
import org.fleetdispatch.mission.tree.NodeType;
import org.fleetdispatch.mission.tree.TreeRun;
import org.fleetdispatch.persistence.JsonConverters;
import org.fleetdispatch.robot.Lifecycle;

/** A mission: what to do (the tree), for which robot, and how far it got. */
@Entity
@Table(name = "mission")
public class Mission {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    @Id
    @Column(name = "name")
    private String name;

    /** {@code null} until the dispatcher assigns an idle robot. */
    @Column(name = "robot")
    private String robot;

    @Convert(converter = JsonConverters.MissionNodes.class)
    @Column(name = "tree", nullable = false)
    private List<MissionNode> nodes;

    @Column(name = "timeout_seconds", nullable = false)
    private double timeoutSeconds;

    @Column(name = "deadline")
    private Instant deadline;

    @Column(name = "needs_canceled", nullable = false)
    private boolean needsCanceled;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private MissionState state;

    @Column(name = "current_node", nullable = false)
    private int currentNode;

    @Convert(converter = JsonConverters.NodeStatuses.class)
    @Column(name = "node_status", nullable = false)
    private Map<String, NodeStatus> nodeStatus;

    @Convert(converter = JsonConverters.Counts.class)
    @Column(name = "task_status", nullable = false)
    private Map<String, Integer> taskStatus;

    @Column(name = "start_timestamp")
    private Instant startTimestamp;

    @Column(name = "end_timestamp")
    private Instant endTimestamp;

    @Column(name = "failure_reason")
    private String failureReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure_category")
    private FailureCategory failureCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle", nullable = false)
    private Lifecycle lifecycle;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Place in its robot's FIFO queue: from a database sequence, so concurrent submissions never tie. */
    @Column(name = "queue_position", nullable = false)
    private long queuePosition;

    /** The VDA 5050 order the robot is working on for the running leaf, as sent; {@code null} if none. */
    @Column(name = "order_id")
    private String orderId;

    @Column(name = "order_update_id")
    private Long orderUpdateId;

    @Column(name = "order_leaf")
    private Integer orderLeaf;

    @Column(name = "order_message")
    private byte[] orderMessage;

    /** Who made the last change through the API, so that their own watch can skip it. */
    @Column(name = "publisher_id")
    private String publisherId;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Transient
    private MissionTree tree;

    protected Mission() {
        // for JPA
    }

    /**
     * A new PENDING mission.
     *
     * @param robot    the robot's name, or {@code null} to let the dispatcher choose an idle one
     * @param timeout  how long it may run; {@code null} for {@link #DEFAULT_TIMEOUT}
     * @throws InvalidMissionException naming the field
     */
    public static Mission submit(String name, String robot, MissionTree tree, Duration timeout, Instant deadline,
                                 String publisherId, Instant now) {
        if (name == null || name.isBlank()) {
            throw new InvalidMissionException("name must not be empty");
        }
        Duration limit = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (limit.isNegative() || limit.isZero()) {
            throw new InvalidMissionException("timeout must be a positive number of seconds");
        }
        Mission mission = new Mission();
        mission.name = name;
        mission.robot = robot == null || robot.isBlank() ? null : robot;
        mission.tree = tree;
        mission.nodes = tree.nodes();
        mission.timeoutSeconds = limit.toNanos() / 1e9;
        mission.deadline = deadline;
        mission.state = MissionState.PENDING;
        mission.nodeStatus = TreeRun.initialStatuses(tree);
        mission.taskStatus = initialTaskStatus(tree);
        mission.lifecycle = Lifecycle.ALIVE;
        mission.createdAt = now;
        mission.publisherId = publisherId;
        return mission;
    }

    private static Map<String, Integer> initialTaskStatus(MissionTree tree) {
        Map<String, Integer> tasks = new LinkedHashMap<>();
        for (MissionNode node : tree.nodes()) {
            if (node.type() == NodeType.ROUTE) {
                tasks.put(node.name(), 0);
            }
        }
        return tasks;
    }

    /** Takes its place in the queue. */
    void enqueue(long position) {
        queuePosition = position;
    }

    public long queuePosition() {
        return queuePosition;
    }

    /** The dispatcher chose this robot for a mission submitted without one. */
    public void assignTo(String robotName) {
        if (robot != null) {
            throw new IllegalStateException("mission '" + name + "' is already for robot '" + robot + "'");
        }
        robot = robotName;
    }

    /** The robot is free: the mission starts and its first leaf is due. */
    public TreeRun.Outcome start(Instant now) {
        requireState(MissionState.PENDING, "start");
        state = MissionState.RUNNING;
        startTimestamp = now;
        return advance(now);
    }

    /**
     * The running leaf finished; the tree advances to the next leaf or ends the mission.
     *
     * @throws IllegalStateException when the mission is not running or the leaf is not the running one
     */
    public TreeRun.Outcome leafFinished(int leaf, boolean success, String message, Instant now) {
        requireState(MissionState.RUNNING, "finish a node of");
        TreeRun run = run();
        run.finishLeaf(leaf, success, message);
        nodeStatus = run.statuses();
        clearOrder();
        return advance(now);
    }

    private TreeRun.Outcome advance(Instant now) {
        TreeRun run = run();
        TreeRun.Outcome outcome = run.tick();
        nodeStatus = run.statuses();
        switch (outcome.missionState()) {
            case RUNNING -> currentNode = outcome.runningLeaf();
            case COMPLETED -> end(MissionState.COMPLETED, null, null, now);
            case FAILED -> end(MissionState.FAILED, FailureCategory.ROBOT_APP, outcome.failureReason(), now);
            default -> throw new IllegalStateException("tree ended " + outcome.missionState());
        }
        return outcome;
    }

    /**
     * Stops the mission at a user's request.
     *
     * @return whether it was running, in which case the robot must be told to cancel its order
     * @throws IllegalStateException when the mission is already over
     */
    public boolean cancel(Instant now) {
        if (state.isDone()) {
            throw new IllegalStateException("mission '" + name + "' is " + state + "; only PENDING or RUNNING missions can be canceled");
        }
        boolean wasRunning = state == MissionState.RUNNING;
        TreeRun run = run();
        run.cancel("Mission canceled");
        nodeStatus = run.statuses();
        needsCanceled = true;
        end(MissionState.CANCELED, FailureCategory.CANCELED, "Mission canceled", now);
        return wasRunning;
    }

    /** Whether the mission runs and has run longer than its timeout, or past its deadline. */
    public boolean isOverdue(Instant now) {
        return state == MissionState.RUNNING
                && (startTimestamp.plus(timeout()).isBefore(now) || deadline != null && deadline.isBefore(now));
    }

    /** Ends a running mission from outside its tree (timeout, deadline). */
    public void fail(FailureCategory category, String reason, Instant now) {
        requireState(MissionState.RUNNING, "fail");
        TreeRun run = run();
        run.fail(reason);
        nodeStatus = run.statuses();
        end(MissionState.FAILED, category, reason, now);
    }

    /** A PENDING mission that can never start (its deadline passed before its robot was free). */
    public void expire(FailureCategory category, String reason, Instant now) {
        requireState(MissionState.PENDING, "expire");
        end(MissionState.FAILED, category, reason, now);
    }

    private void end(MissionState finalState, FailureCategory category, String reason, Instant now) {
        state = finalState;
        failureCategory = category;
        failureReason = reason;
        endTimestamp = now;
        clearOrder();
    }

    /**
     * Replaces the waypoints of route nodes that have not finished.
     *
     * @return the names of the updated nodes that are running now (their robot needs an order update)
     * @throws IllegalStateException   when the mission is over, or a node has finished
     * @throws InvalidMissionException when a name is not a route node or a route is invalid
     */
    public Set<String> updateRoutes(Map<String, NodeSpecs.Route> routes, String publisher) {
        if (state.isDone()) {
            throw new IllegalStateException("mission '" + name + "' is " + state + "; only PENDING or RUNNING missions can be updated");
        }
        MissionTree updated = tree();
        Set<String> running = new TreeSet<>();
        for (Map.Entry<String, NodeSpecs.Route> update : routes.entrySet()) {
            updated = updated.withRoute(update.getKey(), update.getValue());
            MissionState nodeState = nodeStatus.get(update.getKey()).state();
            if (nodeState.isDone()) {
                throw new IllegalStateException("node '" + update.getKey() + "' of mission '" + name + "' is " + nodeState
                        + "; only PENDING or RUNNING nodes can be updated");
            }
            if (nodeState == MissionState.RUNNING) {
                running.add(update.getKey());
            }
        }
        tree = updated;
        nodes = updated.nodes();
        publisherId = publisher;
        return running;
    }

    /** The order for the running leaf went to the outbox. */
    public void orderSent(int leaf, String vdaOrderId, long vdaOrderUpdateId, byte[] message) {
        orderLeaf = leaf;
        orderId = vdaOrderId;
        orderUpdateId = vdaOrderUpdateId;
        orderMessage = message.clone();
    }

    private void clearOrder() {
        orderLeaf = null;
        orderId = null;
        orderUpdateId = null;
        orderMessage = null;
    }

    /** The robot has reached {@code count} of the task waypoints of a route node; never goes down. */
    public void tasksReached(String routeNode, int count) {
        // a new map, complete before it is assigned: woven change tracking compares old and new on assignment
        Map<String, Integer> updated = new LinkedHashMap<>(taskStatus);
        updated.merge(routeNode, count, Math::max);
        taskStatus = updated;
    }

    /** Marked for deletion; the dispatcher deletes it once it is no longer running. */
    public void markPendingDelete(String publisher) {
        lifecycle = Lifecycle.PENDING_DELETE;
        publisherId = publisher;
    }

    public void touchedBy(String publisher) {
        publisherId = publisher;
    }

    private void requireState(MissionState required, String verb) {
        if (state != required) {
            throw new IllegalStateException("cannot " + verb + " mission '" + name + "': it is " + state + ", not " + required);
        }
    }

    private TreeRun run() {
        return new TreeRun(tree(), nodeStatus);
    }

    public MissionTree tree() {
        if (tree == null) {
            tree = MissionTree.of(nodes);
        }
        return tree;
    }

    public String name() {
        return name;
    }

    public String robot() {
        return robot;
    }

    public Duration timeout() {
        return Duration.ofNanos(Math.round(timeoutSeconds * 1e9));
    }

    public Instant deadline() {
        return deadline;
    }

    public boolean needsCanceled() {
        return needsCanceled;
    }

    public MissionState state() {
        return state;
    }

    public int currentNode() {
        return currentNode;
    }

    public Map<String, NodeStatus> nodeStatus() {
        return java.util.Collections.unmodifiableMap(nodeStatus);
    }

    public Map<String, Integer> taskStatus() {
        return java.util.Collections.unmodifiableMap(taskStatus);
    }

    public Instant startTimestamp() {
        return startTimestamp;
    }

    public Instant endTimestamp() {
        return endTimestamp;
    }

    public String failureReason() {
        return failureReason;
    }

    public FailureCategory failureCategory() {
        return failureCategory;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String orderId() {
        return orderId;
    }

    public Long orderUpdateId() {
        return orderUpdateId;
    }

    public Integer orderLeaf() {
        return orderLeaf;
    }

    public byte[] orderMessage() {
        return orderMessage == null ? null : orderMessage.clone();
    }

    public String publisherId() {
        return publisherId;
    }

    public long version() {
        return version;
    }
}
