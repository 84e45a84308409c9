package org.fleetdispatch.dispatch;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.ActionStatus;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.ErrorLevel;
import org.fleetdispatch.vda5050.ErrorReference;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.NodeState;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.State;

/**
 * How far a robot got with the order we sent, read from its {@code state} (VDA 5050 2.0, 6.10).
 *
 * <p>All action states are read and matched by actionId (Isaac Mission Dispatch reads only the first).
 * The order is finished when the robot reports it as its current order with no node left to traverse
 * and every one of its actions FINISHED. It failed when one of its actions FAILED, when a FATAL error is
 * reported, or when the robot refused it (orderError, orderUpdateError, validationError referencing it):
 * the reason names the action, node or error.
 */
public record OrderProgress(Outcome outcome, String reason, long lastNodeSequenceId) {

    public enum Outcome { WAITING, RUNNING, FINISHED, FAILED }

    /** Error types with which a robot refuses an order (6.10.6 and Table "errorType"). */
    private static final Set<String> REFUSALS = Set.of("orderError", "orderUpdateError", "validationError", "noRouteError");

    public static OrderProgress of(Order order, State state) {
        for (AgvError error : state.errors()) {
            boolean refusal = REFUSALS.contains(error.errorType()) && references(error, "orderId", order.orderId());
            boolean fatal = error.errorLevel() == ErrorLevel.FATAL
                    && (order.orderId().equals(state.orderId()) || references(error, "orderId", order.orderId()));
            if (refusal || fatal) {
                return new OrderProgress(Outcome.FAILED, describe(order, error), passedUpTo(state));
            }
        }
        if (!order.orderId().equals(state.orderId())) {
            // not (yet) accepted: the robot still reports its previous order, or none
            return new OrderProgress(Outcome.WAITING, null, -1);
        }
        Set<String> actionIds = actionIds(order);
        for (ActionState action : state.actionStates()) {
            if (actionIds.contains(action.actionId()) && action.actionStatus() == ActionStatus.FAILED) {
                return new OrderProgress(Outcome.FAILED, "Action '" + action.actionType() + "' (" + action.actionId() + ") failed"
                        + (action.resultDescription() == null || action.resultDescription().isBlank() ? ""
                        : ": " + action.resultDescription()), passedUpTo(state));
            }
        }
        if (state.orderUpdateId() < order.orderUpdateId()) {
            return new OrderProgress(Outcome.WAITING, null, passedUpTo(state));
        }
        Node last = order.nodes().get(order.nodes().size() - 1);
        boolean traversed = state.nodeStates().isEmpty() && state.lastNodeSequenceId() == last.sequenceId();
        Set<String> finished = state.actionStates().stream()
                .filter(a -> a.actionStatus() == ActionStatus.FINISHED)
                .map(ActionState::actionId)
                .collect(Collectors.toSet());
        boolean actionsDone = finished.containsAll(actionIds);
        return new OrderProgress(traversed && actionsDone ? Outcome.FINISHED : Outcome.RUNNING, null, passedUpTo(state));
    }

    /**
     * The sequence id up to which the robot has passed the nodes of its current order. Not simply its
     * {@code lastNodeSequenceId}: having just accepted an order, a robot still reports the last node of the
     * previous one (VDA 5050 6.10.6: the node it last reached) until it reaches the new order's first node,
     * and our orders reuse node ids and sequence ids ({@code start}, {@code wp-1} at 2, …). A node still in
     * {@code nodeStates} is not passed, and nodes are passed in sequence, so nothing from the smallest
     * remaining sequence id on counts.
     */
    static long passedUpTo(State state) {
        long passed = state.lastNodeSequenceId();
        for (NodeState remaining : state.nodeStates()) {
            passed = Math.min(passed, remaining.sequenceId() - 1);
        }
        return passed;
    }

    /** Whether the robot has passed this node of the order: up to and including its last node of this order. */
    public boolean passed(Node node) {
        return lastNodeSequenceId >= node.sequenceId();
    }

    private static Set<String> actionIds(Order order) {
        return order.nodes().stream().flatMap(n -> n.actions().stream()).map(Action::actionId).collect(Collectors.toSet());
    }

    private static boolean references(AgvError error, String key, String value) {
        List<ErrorReference> refs = error.errorReferences();
        return refs != null && refs.stream().anyMatch(r -> key.equals(r.referenceKey()) && Objects.equals(value, r.referenceValue()));
    }

    private static String describe(Order order, AgvError error) {
        StringBuilder reason = new StringBuilder("Robot reported ").append(error.errorLevel()).append(' ').append(error.errorType());
        if (error.errorReferences() != null) {
            for (ErrorReference ref : error.errorReferences()) {
                switch (ref.referenceKey()) {
                    case "nodeId" -> reason.append(" at node '").append(ref.referenceValue()).append('\'');
                    case "actionId" -> reason.append(" for action '").append(actionType(order, ref.referenceValue()))
                            .append("' (").append(ref.referenceValue()).append(')');
                    case "edgeId" -> reason.append(" on edge '").append(ref.referenceValue()).append('\'');
                    default -> {
                        // orderId and others add nothing the caller does not know
                    }
                }
            }
        }
        if (error.errorDescription() != null && !error.errorDescription().isBlank()) {
            reason.append(": ").append(error.errorDescription());
        }
        return reason.toString();
    }

    private static String actionType(Order order, String actionId) {
        return order.nodes().stream().flatMap(n -> n.actions().stream())
                .filter(a -> a.actionId().equals(actionId)).map(Action::actionType).findFirst().orElse("?");
    }
}
