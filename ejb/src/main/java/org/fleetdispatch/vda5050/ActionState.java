package org.fleetdispatch.vda5050;

import java.util.Objects;

/** The state of one action the AGV knows (section 6.11), matched to its action by actionId. */
public record ActionState(String actionId, String actionType, String actionDescription, ActionStatus actionStatus,
                          String resultDescription) {

    public ActionState {
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(actionStatus, "actionStatus");
    }

    public static ActionState of(Action action, ActionStatus status) {
        return new ActionState(action.actionId(), action.actionType(), action.actionDescription(), status, null);
    }

    public ActionState withStatus(ActionStatus status, String result) {
        return new ActionState(actionId, actionType, actionDescription, status, result);
    }
}
