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
                return new OrderProgress(Outcome.FAILED, describe(order, error), state.lastNodeSequenceId());
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
                        : ": " + action.resultDescription()), state.lastNodeSequenceId());
            }
        }
        if (state.orderUpdateId() < order.orderUpdateId()) {
            return new OrderProgress(Outcome.WAITING, null, state.lastNodeSequenceId());
        }
        Node last = order.nodes().get(order.nodes().size() - 1);
        boolean traversed = state.nodeStates().isEmpty() && state.lastNodeSequenceId() == last.sequenceId();
        Set<String> finished = state.actionStates().stream()
                .filter(a -> a.actionStatus() == ActionStatus.FINISHED)
                .map(ActionState::actionId)
                .collect(Collectors.toSet());
        boolean actionsDone = finished.containsAll(actionIds);
        return new OrderProgress(traversed && actionsDone ? Outcome.FINISHED : Outcome.RUNNING, null, state.lastNodeSequenceId());
    }

    /** Sequence ids of the order's nodes the robot has passed: up to and including its last node. */
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
