package org.fleetdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.robot.RobotReport;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.ActionStatus;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.BatteryState;
import org.fleetdispatch.vda5050.EStop;
import org.fleetdispatch.vda5050.ErrorLevel;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.NodeState;
import org.fleetdispatch.vda5050.OperatingMode;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.SafetyState;
import org.fleetdispatch.vda5050.State;
import org.junit.jupiter.api.Test;

/** Which state messages the feed takes on the fast path, and which must reach the dispatcher. */
class RobotFeedTest {

    private static final Header H = new Header(1, Instant.parse("2026-11-22T12:00:00Z"), "2.0.0", "RobotCompany", "agv-1");
    /** start (seq 0), wp-1 (seq 2), wp-2 (seq 4). */
    private static final Order ROUTE = Orders.forLeaf(H, "o-route", MissionNode.route("r", null,
            Waypoint.at(2, 1, 0, "m"), Waypoint.at(3, 1, 0, "m")), new Pose2D(1, 1, 0, "m"));
    private static final NodeState WP1 = new NodeState("wp-1", 2, null, null, true);
    private static final NodeState WP2 = new NodeState("wp-2", 4, null, null, true);

    private final RobotFeed feed = new RobotFeed();
    private final RobotFeed.Entry entry = feed.entry("RobotCompany", "agv-1", () -> Optional.of("agv-1"));

    private static State state(String orderId, long updateId, String lastNode, long lastSeq, List<NodeState> remaining,
                               List<ActionState> actions, List<AgvError> errors) {
        return new State(2, Instant.now(), "2.0.0", "RobotCompany", "agv-1", orderId, updateId, null, lastNode, lastSeq,
                remaining, List.of(), null, null, null, true, null, null, null, actions, BatteryState.of(80, false),
                OperatingMode.AUTOMATIC, errors, null, new SafetyState(EStop.NONE, false), null);
    }

    private static State driving(String lastNode, long lastSeq, List<NodeState> remaining) {
        return state("o-route", 0, lastNode, lastSeq, remaining, List.of(), List.of());
    }

    private boolean offer(State s) {
        return entry.offer(s, RobotStateHandler.digest(s), report(s));
    }

    private static RobotReport report(State s) {
        return RobotStateHandler.report("RobotCompany", "agv-1", s, Instant.now());
    }

    private void settle(State s, RunningOrder order) {
        entry.settled(RobotStateHandler.digest(s), order, s.timestamp(), false);
    }

    @Test
    void nothingIsTakenBeforeASlowPathSettled() {
        assertThat(offer(driving("start", 0, List.of(WP1, WP2)))).isFalse();
    }

    @Test
    void theSameStateAgainIsTaken() {
        State idle = state("", 0, "", 0, List.of(), List.of(), List.of());
        settle(idle, null);
        assertThat(offer(idle)).isTrue();
        assertThat(feed.drainPending()).hasSize(1);
    }

    @Test
    void nodesPassedOnTheOrderTheMissionWaitsOnAreTakenUntilTheLastOne() {
        settle(state("", 0, "", 0, List.of(), List.of(), List.of()), null);
        entry.ordered(new RunningOrder(ROUTE, Set.of(), 0));
        assertThat(offer(driving("start", 0, List.of(WP1, WP2)))).as("order accepted").isTrue();
        assertThat(offer(driving("wp-1", 2, List.of(WP2)))).as("first waypoint passed").isTrue();
        assertThat(offer(driving("wp-2", 4, List.of()))).as("last waypoint: finished").isFalse();
    }

    @Test
    void aTaskWaypointPassedReachesTheDispatcherOnce() {
        settle(driving("start", 0, List.of(WP1, WP2)), new RunningOrder(ROUTE, Set.of(2L, 4L), 0));
        assertThat(offer(driving("start", 0, List.of(WP1, WP2)))).isTrue();
        State atFirst = driving("wp-1", 2, List.of(WP2));
        assertThat(offer(atFirst)).as("first task waypoint passed").isFalse();
        settle(atFirst, new RunningOrder(ROUTE, Set.of(2L, 4L), 1));
        assertThat(offer(driving("wp-1", 2, List.of(WP2)))).as("counted already").isTrue();
    }

    @Test
    void aTaskWaypointPassedOnTheSettledOrderOnlyCountsTasks() {
        settle(driving("start", 0, List.of(WP1, WP2)), new RunningOrder(ROUTE, Set.of(2L, 4L), 0));
        State atFirst = driving("wp-1", 2, List.of(WP2));
        assertThat(offer(atFirst)).isFalse();
        assertThat(entry.onlyTasksPassed(atFirst, RobotStateHandler.digest(atFirst))).as("first task waypoint").isTrue();
        State atLast = driving("wp-2", 4, List.of());
        assertThat(entry.onlyTasksPassed(atLast, RobotStateHandler.digest(atLast))).as("finished: the dispatcher acts").isFalse();
        State otherOrder = state("o-other", 0, "wp-1", 2, List.of(WP2), List.of(), List.of());
        assertThat(entry.onlyTasksPassed(otherOrder, RobotStateHandler.digest(otherOrder))).as("not the settled order").isFalse();
        State paused = new State(2, Instant.now(), "2.0.0", "RobotCompany", "agv-1", "o-route", 0, null, "wp-1", 2,
                List.of(WP2), List.of(), null, null, null, true, true, null, null, List.of(), BatteryState.of(80, false),
                OperatingMode.AUTOMATIC, List.of(), null, new SafetyState(EStop.NONE, false), null);
        assertThat(entry.onlyTasksPassed(paused, RobotStateHandler.digest(paused))).as("the robot half changed too").isFalse();
    }

    @Test
    void acceptingAnOrderWhileStillOnThePreviousOrdersLastNodeIsRoutine() {
        State finished = state("o-before", 0, "wp-2", 4, List.of(), List.of(), List.of());
        settle(finished, new RunningOrder(ROUTE, Set.of(2L, 4L), 0));
        NodeState start = new NodeState("start", 0, null, null, true);
        assertThat(offer(state("o-route", 0, "wp-2", 4, List.of(start, WP1, WP2), List.of(), List.of()))).isTrue();
    }

    @Test
    void anOrderThisInstanceDidNotSeeOrAnUpdateReachesTheDispatcher() {
        settle(driving("start", 0, List.of(WP1, WP2)), new RunningOrder(ROUTE, Set.of(), 0));
        assertThat(offer(state("o-other", 0, "x", 2, List.of(WP2), List.of(), List.of()))).as("another order").isFalse();
        assertThat(offer(state("o-route", 1, "wp-1", 2, List.of(WP2), List.of(), List.of()))).as("an update").isFalse();
    }

    @Test
    void theAnswerToARequestForInformationIsRoutine() {
        State idle = state("", 0, "", 0, List.of(), List.of(), List.of());
        settle(idle, null);
        String id = "factsheetRequest-" + UUID.randomUUID();
        assertThat(offer(state("", 0, "", 0, List.of(), List.of(new ActionState(id, "factsheetRequest", null,
                ActionStatus.FINISHED, null)), List.of()))).as("factsheetRequest answered").isTrue();
        assertThat(offer(state("", 0, "", 0, List.of(), List.of(new ActionState("factsheetRequest-of-a-mission",
                "factsheetRequest", null, ActionStatus.FINISHED, null)), List.of()))).as("not an id this server gives").isFalse();
        assertThat(offer(state("", 0, "", 0, List.of(), List.of(new ActionState("cancelOrder-" + UUID.randomUUID(),
                "cancelOrder", null, ActionStatus.FINISHED, null)), List.of()))).as("cancelOrder").isFalse();
    }

    @Test
    void aChangeOfTheRobotsOwnHalfReachesTheDispatcherMidOrder() {
        settle(driving("start", 0, List.of(WP1, WP2)), new RunningOrder(ROUTE, Set.of(), 0));
        List<ActionState> cancel = List.of(new ActionState("cancel-1", "cancelOrder", null, ActionStatus.RUNNING, null));
        assertThat(offer(state("o-route", 0, "wp-1", 2, List.of(WP2), cancel, List.of()))).as("cancelOrder").isFalse();
        List<AgvError> warning = List.of(AgvError.of("lowBattery", ErrorLevel.WARNING, "low"));
        assertThat(offer(state("o-route", 0, "wp-1", 2, List.of(WP2), List.of(), warning))).as("an error").isFalse();
    }

    @Test
    void theLastOrderIsAHintCheckedAgainstTheMissionsOrderIds() {
        assertThat(entry.lastOrder()).isNull();
        RunningOrder running = new RunningOrder(ROUTE, Set.of(), 0);
        settle(driving("start", 0, List.of(WP1, WP2)), running);
        assertThat(entry.lastOrder()).isSameAs(running);
        assertThat(running.isOrder("o-route", 0L)).isTrue();
        assertThat(running.isOrder("o-route", 1L)).as("the mission's order was updated since").isFalse();
        assertThat(running.isOrder("o-other", 0L)).isFalse();
        assertThat(running.isOrder("o-route", null)).as("no order out").isFalse();
        entry.unsettle();
        assertThat(entry.lastOrder()).isNull();
    }

    @Test
    void withoutAnOrderProgressMustStayAsSettled() {
        settle(driving("wp-2", 4, List.of()), null);
        assertThat(offer(driving("wp-2", 4, List.of()))).isTrue();
        assertThat(offer(state("o-next", 0, "start", 0, List.of(WP1), List.of(), List.of()))).isFalse();
    }

    @Test
    void unsettlingSendsTheNextStateTheSlowWay() {
        State idle = state("", 0, "", 0, List.of(), List.of(), List.of());
        settle(idle, null);
        feed.unsettle("agv-1");
        assertThat(offer(idle)).isFalse();
    }

    // ------------------------------------------------------------------ whether a connection needs the order again

    @Test
    void aConnectionNoLaterThanAStateThatShowsTheOrderNeedsNoCopy() {
        RunningOrder running = new RunningOrder(ROUTE, Set.of(), 0);
        State shows = driving("start", 0, List.of(WP1, WP2));
        Instant stamped = shows.timestamp();
        entry.settled(RobotStateHandler.digest(shows), running, stamped, true);

        assertThat(hasOrderSince("o-route", 0L, stamped.minusMillis(100))).isTrue();
        assertThat(hasOrderSince("o-route", 0L, stamped)).as("stamped the same millisecond").isTrue();
        assertThat(hasOrderSince("o-route", 0L, stamped.plusMillis(1))).as("announced after the state: it may have been away").isFalse();
        assertThat(hasOrderSince("o-route", 1L, stamped.minusMillis(100))).as("the mission's order was updated since").isFalse();
        assertThat(hasOrderSince("o-route", null, stamped.minusMillis(100))).as("no order out").isFalse();
        assertThat(feed.hasOrderSince("RobotCompany", "agv-2", "o-route", 0L, stamped.minusMillis(100)))
                .as("a robot this instance has not heard from").isFalse();
    }

    @Test
    void anOrderTheStateNeitherShowsNorWasAnsweredWithIsNotKnownToBeHad() {
        State idle = state("", 0, "", 0, List.of(), List.of(), List.of());
        entry.settled(RobotStateHandler.digest(idle), new RunningOrder(ROUTE, Set.of(), 0), idle.timestamp(), false);
        assertThat(hasOrderSince("o-route", 0L, idle.timestamp().minusMillis(100))).isFalse();
    }

    @Test
    void anOrderSentOutsideAStatesTransactionIsNotKnownToBeHad() {
        RunningOrder running = new RunningOrder(ROUTE, Set.of(), 0);
        State shows = driving("start", 0, List.of(WP1, WP2));
        entry.settled(RobotStateHandler.digest(shows), running, shows.timestamp(), true);
        feed.ordered("RobotCompany", "agv-1", running);
        assertThat(hasOrderSince("o-route", 0L, shows.timestamp().minusMillis(100))).isFalse();
    }

    private boolean hasOrderSince(String orderId, Long orderUpdateId, Instant since) {
        return feed.hasOrderSince("RobotCompany", "agv-1", orderId, orderUpdateId, since);
    }
}
