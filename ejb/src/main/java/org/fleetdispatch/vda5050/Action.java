package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An action on a node, an edge or sent as an instant action (section 6.7, "action").
 *
 * @param actionType        name of the action, e.g. pick, startCharging, or a manufacturer-specific type
 * @param actionId          unique id that maps the action to its actionState
 * @param actionDescription optional free text
 * @param blockingType      how it may run alongside driving and other actions
 * @param actionParameters  optional parameters
 */
public record Action(String actionType, String actionId, String actionDescription, BlockingType blockingType,
                     List<ActionParameter> actionParameters) {

    public Action {
        Objects.requireNonNull(actionType, "actionType");
        Objects.requireNonNull(actionId, "actionId");
        Objects.requireNonNull(blockingType, "blockingType");
        actionParameters = Lists.optional(actionParameters);
    }

    /** An action without description or parameters. */
    public static Action of(String actionType, String actionId, BlockingType blockingType) {
        return new Action(actionType, actionId, null, blockingType, null);
    }

    /** The parameter with the given key, if any. */
    public Optional<ActionParameter> parameter(String key) {
        if (actionParameters == null) {
            return Optional.empty();
        }
        return actionParameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
