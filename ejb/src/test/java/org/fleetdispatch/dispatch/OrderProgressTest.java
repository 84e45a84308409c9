package org.fleetdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.ActionStatus;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.BatteryState;
import org.fleetdispatch.vda5050.ErrorLevel;
import org.fleetdispatch.vda5050.ErrorReference;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.NodeState;
import org.fleetdispatch.vda5050.OperatingMode;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.SafetyState;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.EStop;
import org.junit.jupiter.api.Test;

class OrderProgressTest {

    private static final Header H = new Header(1, Instant.parse("2026-11-22T12:00:00Z"), "2.0.0", "RobotCompany", "agv-1");
    private static final Order ROUTE = Orders.forLeaf(H, "o-route", MissionNode.route("r", null,
            Waypoint.at(2, 1, 0, "m"), Waypoint.at(3, 1, 0, "m")), new Pose2D(1, 1, 0, "m"));
    private static final Order PICK = Orders.forLeaf(H, "o-pick", MissionNode.action("a", null, "pick", Map.of()), new Pose2D(1, 1, 0, "m"));

    private static State state(String orderId, long lastSeq, List<NodeState> remaining, List<ActionState> actions, List<AgvError> errors) {
        return new State(2, Instant.now(), "2.0.0", "RobotCompany", "agv-1", orderId, 0, null, "n", lastSeq,
                remaining, List.of(), null, null, null, false, null, null, null, actions, BatteryState.of(80, false),
                OperatingMode.AUTOMATIC, errors, null, new SafetyState(EStop.NONE, false), null);
    }

    @Test
    void anOrderNotYetAcceptedIsWaiting() {
        assertThat(OrderProgress.of(ROUTE, state("older", 4, List.of(), List.of(), List.of())).outcome())
                .isEqualTo(OrderProgress.Outcome.WAITING);
    }

    @Test
    void aRouteIsFinishedWhenItsLastNodeIsPassedAndNothingRemains() {
        NodeState wp2 = new NodeState("wp-2", 4, null, null, true);
        OrderProgress halfway = OrderProgress.of(ROUTE, state("o-route", 2, List.of(wp2), List.of(), List.of()));
        assertThat(halfway.outcome()).isEqualTo(OrderProgress.Outcome.RUNNING);
        assertThat(halfway.passed(ROUTE.nodes().get(1))).isTrue();
        assertThat(halfway.passed(ROUTE.nodes().get(2))).isFalse();
        assertThat(OrderProgress.of(ROUTE, state("o-route", 4, List.of(), List.of(), List.of())).outcome())
                .isEqualTo(OrderProgress.Outcome.FINISHED);
    }

    @Test
    void justAcceptedTheRobotStillReportsThePreviousOrdersLastNodeAndHasPassedNothing() {
        NodeState start = new NodeState("start", 0, null, null, true);
        NodeState wp1 = new NodeState("wp-1", 2, null, null, true);
        NodeState wp2 = new NodeState("wp-2", 4, null, null, true);
        // the previous order ended at its wp-2, sequence 4: this order's wp-2 has the same id and sequence
        OrderProgress accepted = OrderProgress.of(ROUTE, state("o-route", 4, List.of(start, wp1, wp2), List.of(), List.of()));
        assertThat(accepted.outcome()).isEqualTo(OrderProgress.Outcome.RUNNING);
        assertThat(ROUTE.nodes()).noneMatch(accepted::passed);
        OrderProgress atStart = OrderProgress.of(ROUTE, state("o-route", 0, List.of(wp1, wp2), List.of(), List.of()));
        assertThat(ROUTE.nodes()).filteredOn(atStart::passed).extracting(n -> n.nodeId()).containsExactly("start");
    }

    @Test
    void everyActionStateIsReadAndMatchedById() {
        String id = PICK.nodes().get(0).actions().get(0).actionId();
        List<ActionState> states = List.of(
                new ActionState("someone-else", "beep", null, ActionStatus.FINISHED, null),
                new ActionState(id, "pick", null, ActionStatus.RUNNING, null));
        assertThat(OrderProgress.of(PICK, state("o-pick", 0, List.of(), states, List.of())).outcome())
                .isEqualTo(OrderProgress.Outcome.RUNNING);
        List<ActionState> failed = List.of(
                new ActionState("someone-else", "beep", null, ActionStatus.FINISHED, null),
                new ActionState(id, "pick", null, ActionStatus.FAILED, "no box"));
        OrderProgress progress = OrderProgress.of(PICK, state("o-pick", 0, List.of(), failed, List.of()));
        assertThat(progress.outcome()).isEqualTo(OrderProgress.Outcome.FAILED);
        assertThat(progress.reason()).isEqualTo("Action 'pick' (" + id + ") failed: no box");
        List<ActionState> done = List.of(new ActionState(id, "pick", null, ActionStatus.FINISHED, null));
        assertThat(OrderProgress.of(PICK, state("o-pick", 0, List.of(), done, List.of())).outcome())
                .isEqualTo(OrderProgress.Outcome.FINISHED);
    }

    @Test
    void aFatalErrorFailsTheOrderNamingWhatItReferences() {
        AgvError fatal = AgvError.of("navigationError", ErrorLevel.FATAL, "blocked",
                new ErrorReference("orderId", "o-route"), new ErrorReference("nodeId", "wp-2"));
        OrderProgress progress = OrderProgress.of(ROUTE, state("o-route", 2, List.of(), List.of(), List.of(fatal)));
        assertThat(progress.outcome()).isEqualTo(OrderProgress.Outcome.FAILED);
        assertThat(progress.reason()).isEqualTo("Robot reported FATAL navigationError at node 'wp-2': blocked");
        AgvError warning = AgvError.of("batteryLow", ErrorLevel.WARNING, "low");
        assertThat(OrderProgress.of(ROUTE, state("o-route", 2, List.of(), List.of(), List.of(warning))).outcome())
                .isEqualTo(OrderProgress.Outcome.RUNNING);
    }

    @Test
    void aRefusedOrderFailsInsteadOfHanging() {
        AgvError refused = AgvError.of("validationError", ErrorLevel.WARNING, "mapId unknown", new ErrorReference("orderId", "o-route"));
        OrderProgress progress = OrderProgress.of(ROUTE, state("", 0, List.of(), List.of(), List.of(refused)));
        assertThat(progress.outcome()).isEqualTo(OrderProgress.Outcome.FAILED);
        assertThat(progress.reason()).contains("validationError").contains("mapId unknown");
    }
}
