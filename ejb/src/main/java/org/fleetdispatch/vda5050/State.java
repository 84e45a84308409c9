package org.fleetdispatch.vda5050;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Topic {@code state}, AGV to master control (section 6.10.6): the AGV's whole state in one message.
 *
 * <p>{@code orderId} is "" and {@code orderUpdateId}, {@code lastNodeSequenceId} are 0 and {@code lastNodeId} is
 * "" when there is none. {@code nodeStates}/{@code edgeStates} hold what is still to be traversed. Optional
 * fields are null when absent; {@code maps} is the 2.1 addition.
 */
public record State(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                    String orderId, long orderUpdateId, String zoneSetId, String lastNodeId,
                    long lastNodeSequenceId, List<NodeState> nodeStates, List<EdgeState> edgeStates,
                    AgvPosition agvPosition, Velocity velocity, List<Load> loads, boolean driving, Boolean paused,
                    Boolean newBaseRequest, Double distanceSinceLastNode, List<ActionState> actionStates,
                    BatteryState batteryState, OperatingMode operatingMode, List<AgvError> errors,
                    List<Info> information, SafetyState safetyState, List<AgvMap> maps)
        implements Vda5050Message {

    public State {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(lastNodeId, "lastNodeId");
        nodeStates = Lists.required(nodeStates, "nodeStates");
        edgeStates = Lists.required(edgeStates, "edgeStates");
        loads = Lists.optional(loads);
        actionStates = Lists.required(actionStates, "actionStates");
        Objects.requireNonNull(batteryState, "batteryState");
        Objects.requireNonNull(operatingMode, "operatingMode");
        errors = Lists.required(errors, "errors");
        information = Lists.optional(information);
        Objects.requireNonNull(safetyState, "safetyState");
        maps = Lists.optional(maps);
    }

    @Override
    public Topic topic() {
        return Topic.STATE;
    }

    @Override
    public State withHeader(Header h) {
        return new State(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(), orderId,
                orderUpdateId, zoneSetId, lastNodeId, lastNodeSequenceId, nodeStates, edgeStates, agvPosition,
                velocity, loads, driving, paused, newBaseRequest, distanceSinceLastNode, actionStates, batteryState,
                operatingMode, errors, information, safetyState, maps);
    }
}
