package org.fleetdispatch.mission.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mission's tree in execution: node states and the rules that advance them.
 *
 * <p>{@link #tick()} walks the tree from the implicit root sequence and starts the next leaf that is
 * due. Constants resolve during the tick; every other leaf becomes RUNNING and is returned, to be
 * executed by the dispatcher (an order for the robot, an HTTP call) until {@link #finishLeaf} reports
 * its outcome. Only one leaf runs at a time.
 */
public final class TreeRun {

    /**
     * What a tick left behind.
     *
     * @param missionState  RUNNING, COMPLETED or FAILED (or CANCELED after {@link #cancel})
     * @param runningLeaf   the index of the leaf now running, or -1
     * @param startedLeaf   whether {@code runningLeaf} was started by this tick (and must be executed)
     * @param failureReason why the mission failed, naming the node; {@code null} unless FAILED
     */
    public record Outcome(MissionState missionState, int runningLeaf, boolean startedLeaf, String failureReason) {
    }

    private enum Result { SUCCESS, FAILURE, RUNNING }

    private final MissionTree tree;
    private final Map<String, NodeStatus> statuses;
    private int started = -1;
    private String lastFailure;

    public TreeRun(MissionTree tree, Map<String, NodeStatus> statuses) {
        this.tree = tree;
        this.statuses = new LinkedHashMap<>(initialStatuses(tree));
        if (statuses != null) {
            statuses.forEach((name, status) -> {
                if (this.statuses.containsKey(name)) {
                    this.statuses.put(name, status);
                }
            });
        }
    }

    /** Every node, and {@code root}, PENDING. */
    public static Map<String, NodeStatus> initialStatuses(MissionTree tree) {
        Map<String, NodeStatus> initial = new LinkedHashMap<>();
        initial.put(MissionNode.ROOT, NodeStatus.PENDING);
        for (MissionNode node : tree.nodes()) {
            initial.put(node.name(), NodeStatus.PENDING);
        }
        return initial;
    }

    /** Advances the tree as far as it can go without waiting for a leaf. */
    public Outcome tick() {
        MissionState rootState = status(MissionNode.ROOT).state();
        if (rootState.isDone()) {
            return new Outcome(rootState, -1, false, rootState == MissionState.FAILED ? status(MissionNode.ROOT).errorMsg() : null);
        }
        started = -1;
        Result result = evaluateComposite(MissionNode.ROOT, true);
        return switch (result) {
            case RUNNING -> new Outcome(MissionState.RUNNING, runningLeaf(), started >= 0, null);
            case SUCCESS -> new Outcome(MissionState.COMPLETED, -1, false, null);
            case FAILURE -> {
                String reason = lastFailure != null ? lastFailure : "the mission tree failed";
                statuses.put(MissionNode.ROOT, new NodeStatus(MissionState.FAILED, reason));
                yield new Outcome(MissionState.FAILED, -1, false, reason);
            }
        };
    }

    /**
     * The running leaf finished.
     *
     * @throws IllegalStateException when that leaf is not running
     */
    public void finishLeaf(int index, boolean success, String message) {
        MissionNode node = tree.node(index);
        if (status(node.name()).state() != MissionState.RUNNING) {
            throw new IllegalStateException("node '" + node.name() + "' is " + status(node.name()).state() + ", not RUNNING");
        }
        if (success) {
            statuses.put(node.name(), new NodeStatus(MissionState.COMPLETED, message));
        } else {
            String reason = message == null || message.isBlank() ? node.type().field() + " failed" : message;
            statuses.put(node.name(), new NodeStatus(MissionState.FAILED, reason));
        }
    }

    /** Stops the mission: running nodes and the root become CANCELED with the reason. */
    public void cancel(String reason) {
        statuses.replaceAll((name, status) -> status.state() == MissionState.RUNNING || MissionNode.ROOT.equals(name)
                ? new NodeStatus(MissionState.CANCELED, reason) : status);
    }

    /**
     * Ends the mission as FAILED from outside the tree (timeout, deadline): the running leaf and its
     * ancestors fail with the reason.
     */
    public void fail(String reason) {
        statuses.replaceAll((name, status) -> status.state() == MissionState.RUNNING || MissionNode.ROOT.equals(name)
                ? new NodeStatus(MissionState.FAILED, reason) : status);
    }

    /** The index of the running leaf, or -1. */
    public int runningLeaf() {
        for (int i = 0; i < tree.size(); i++) {
            MissionNode node = tree.node(i);
            if (!node.type().isControl() && status(node.name()).state() == MissionState.RUNNING) {
                return i;
            }
        }
        return -1;
    }

    public NodeStatus status(String name) {
        NodeStatus status = statuses.get(name);
        if (status == null) {
            throw new IllegalArgumentException("no node named '" + name + "'");
        }
        return status;
    }

    /** A copy of every node's status, {@code root} first, then in tree order. */
    public Map<String, NodeStatus> statuses() {
        return new LinkedHashMap<>(statuses);
    }

    private Result evaluate(int index) {
        MissionNode node = tree.node(index);
        return switch (node.type()) {
            case SEQUENCE -> evaluateComposite(node.name(), true);
            case SELECTOR -> evaluateComposite(node.name(), false);
            default -> evaluateLeaf(index, node);
        };
    }

    private Result evaluateLeaf(int index, MissionNode node) {
        NodeStatus status = status(node.name());
        return switch (status.state()) {
            case COMPLETED -> Result.SUCCESS;
            case FAILED, CANCELED -> Result.FAILURE;
            case RUNNING -> Result.RUNNING;
            case PENDING -> start(index, node);
        };
    }

    private Result start(int index, MissionNode node) {
        if (node.type() == NodeType.CONSTANT) {
            boolean success = node.constant().success();
            statuses.put(node.name(), success ? NodeStatus.of(MissionState.COMPLETED)
                    : new NodeStatus(MissionState.FAILED, "constant node '" + node.name() + "' is false"));
            return success ? Result.SUCCESS : Result.FAILURE;
        }
        statuses.put(node.name(), NodeStatus.of(MissionState.RUNNING));
        started = index;
        return Result.RUNNING;
    }

    /** A sequence (all children must succeed) or a selector (the first child to succeed wins). */
    private Result evaluateComposite(String name, boolean sequence) {
        List<Integer> children = tree.childrenOf(name);
        for (int child : children) {
            Result result = evaluate(child);
            if (result == Result.RUNNING) {
                statuses.put(name, NodeStatus.of(MissionState.RUNNING));
                return Result.RUNNING;
            }
            if (sequence && result == Result.FAILURE) {
                MissionNode failed = tree.node(child);
                recordFailure(failed);
                statuses.put(name, new NodeStatus(MissionState.FAILED, "child '" + failed.name() + "' failed"));
                return Result.FAILURE;
            }
            if (!sequence && result == Result.SUCCESS) {
                statuses.put(name, NodeStatus.of(MissionState.COMPLETED));
                return Result.SUCCESS;
            }
            if (!sequence) {
                recordFailure(tree.node(child));
            }
        }
        if (sequence) {
            statuses.put(name, NodeStatus.of(MissionState.COMPLETED));
            return Result.SUCCESS;
        }
        statuses.put(name, new NodeStatus(MissionState.FAILED, children.isEmpty() ? "selector has no children"
                : "every child failed"));
        return Result.FAILURE;
    }

    /** Remembers the deepest failing leaf's reason: that is what the mission's failure_reason names. */
    private void recordFailure(MissionNode node) {
        if (!node.type().isControl()) {
            String message = status(node.name()).errorMsg();
            lastFailure = "Node '" + node.name() + "' (" + node.type().field() + ") failed"
                    + (message == null ? "" : ": " + message);
        }
    }

    /** For tests and logs: every node's state in tree order. */
    List<String> describe() {
        List<String> out = new ArrayList<>();
        statuses.forEach((n, s) -> out.add(n + "=" + s.state()));
        return out;
    }
}
