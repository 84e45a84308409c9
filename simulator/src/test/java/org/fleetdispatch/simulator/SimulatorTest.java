package org.fleetdispatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.ActionStatus;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.ConnectionState;
import org.fleetdispatch.vda5050.ErrorLevel;
import org.fleetdispatch.vda5050.Factsheet;
import org.fleetdispatch.vda5050.NodeState;
import org.fleetdispatch.vda5050.OperatingMode;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.State;
import org.fleetdispatch.vda5050.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Simulated robots against a real MQTT 5 broker, driven by a stand-in master control as the server will. */
@ExtendWith(EmbeddedBroker.class)
class SimulatorTest {

    private static final AtomicInteger RUN = new AtomicInteger();
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private Simulator simulator;
    private MasterControl master;
    private String manufacturer;

    /** Fast robots on their own manufacturer, so that tests never see each other's (retained) messages. */
    private SimulatedRobot start(SimulatorConfig.Builder config) throws Exception {
        manufacturer = "Test" + RUN.incrementAndGet();
        master = new MasterControl(EmbeddedBroker.uri(), "uagv", manufacturer);
        simulator = Simulator.start(config.brokerUri(EmbeddedBroker.uri()).manufacturer(manufacturer).build());
        return simulator.robots().get(0);
    }

    private static SimulatorConfig.Builder fast() {
        return SimulatorConfig.builder().speed(4).angularSpeed(8).statePeriod(Duration.ofMillis(50))
                .defaultActionDuration(Duration.ofMillis(200));
    }

    @AfterEach
    void stop() throws Exception {
        if (simulator != null) {
            simulator.close();
        }
        if (master != null) {
            assertThat(master.undecodable()).as("everything the robots published decodes").isEmpty();
            master.close();
        }
    }

    private OrderBuilder order(SimulatedRobot robot, String orderId, long updateId) {
        return new OrderBuilder(master.header(robot.serialNumber(), Topic.ORDER), orderId, updateId, "map");
    }

    private State last(SimulatedRobot robot) {
        State s = master.lastState(robot.serialNumber());
        assertThat(s).as("a state of " + robot.serialNumber()).isNotNull();
        return s;
    }

    private static ActionStatus status(State state, String actionId) {
        return state.actionStates().stream().filter(a -> a.actionId().equals(actionId)).map(ActionState::actionStatus)
                .findFirst().orElse(null);
    }

    /**
     * The state's error of this type; an assertion error (which {@code untilAsserted} retries) when there is none
     * yet, never a null that fails the wait on its first poll.
     */
    private static AgvError error(State state, String type) {
        AgvError error = errorIfAny(state, type);
        if (error == null) {
            throw new AssertionError("no " + type + " in the robot's state; errors: " + state.errors());
        }
        return error;
    }

    private static AgvError errorIfAny(State state, String type) {
        return state.errors().stream().filter(e -> e.errorType().equals(type)).findFirst().orElse(null);
    }

    @Test
    void drivesAnOrderToTheEndReportingProgress() throws Exception {
        SimulatedRobot robot = start(fast());
        String serial = robot.serialNumber();
        assertThat(serial).isEqualTo("agv-001");
        master.order(order(robot, "o-1", 0).node("n0", 0, 0).node("n1", 2, 0).node("n2", 2, 2,
                Action.of("beep", "beep-1", BlockingType.NONE)).build());

        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(s.orderId()).isEqualTo("o-1");
            assertThat(s.lastNodeId()).isEqualTo("n2");
            assertThat(s.lastNodeSequenceId()).isEqualTo(4);
            assertThat(s.nodeStates()).isEmpty();
            assertThat(s.edgeStates()).isEmpty();
            assertThat(status(s, "beep-1")).isEqualTo(ActionStatus.FINISHED);
            assertThat(s.driving()).isFalse();
        });
        assertThat(robot.pose().x()).isCloseTo(2.0, within(1e-9));
        assertThat(robot.pose().y()).isCloseTo(2.0, within(1e-9));
        assertThat(last(robot).agvPosition().x()).isCloseTo(2.0, within(1e-9));
        assertThat(robot.receivedOrders()).extracting(Order::orderId).containsExactly("o-1");

        List<State> states = master.states(serial);
        // progress was reported on the way: n1 passed while n2 and e3 were still to go, the action waited
        assertThat(states).anySatisfy(s -> {
            assertThat(s.lastNodeId()).isEqualTo("n1");
            assertThat(s.nodeStates()).extracting(NodeState::nodeId).containsExactly("n2");
            assertThat(s.edgeStates()).hasSize(1);
            assertThat(status(s, "beep-1")).isEqualTo(ActionStatus.WAITING);
            assertThat(s.driving()).isTrue();
        });
        // headerId counted per topic, +1 per message
        for (int i = 1; i < states.size(); i++) {
            assertThat(states.get(i).headerId()).isEqualTo(states.get(i - 1).headerId() + 1);
        }
    }

    @Test
    void orderUpdateIsStitchedAtTheLastBaseNode() throws Exception {
        SimulatedRobot robot = start(fast());
        master.order(order(robot, "o-1", 0).node("n0", 0, 0).node("n1", 1, 0).horizon("n2", 2, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(s.lastNodeId()).as(s::toString).isEqualTo("n1");
            assertThat(s.driving()).isFalse();
            assertThat(s.nodeStates()).singleElement().satisfies(n -> {
                assertThat(n.nodeId()).isEqualTo("n2");
                assertThat(n.released()).isFalse();
            });
            assertThat(s.newBaseRequest()).isTrue();
        });
        assertThat(robot.pose().x()).isCloseTo(1.0, within(1e-9));

        // the update repeats n1 (sequenceId 2) and releases n2, n3
        master.order(order(robot, "o-1", 1).from(2).node("n1", 1, 0).node("n2", 2, 0).node("n3", 3, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(s.orderUpdateId()).isEqualTo(1);
            assertThat(s.lastNodeId()).isEqualTo("n3");
            assertThat(s.lastNodeSequenceId()).isEqualTo(6);
            assertThat(s.nodeStates()).isEmpty();
            assertThat(s.errors()).isEmpty();
        });
        assertThat(robot.pose().x()).isCloseTo(3.0, within(1e-9));

        // a stale update is refused and the order kept (6.6.4.3)
        master.order(order(robot, "o-1", 0).node("n3", 3, 0).node("n9", 9, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> {
            AgvError e = error(last(robot), "orderUpdateError");
            assertThat(e).isNotNull();
            assertThat(e.errorLevel()).isEqualTo(ErrorLevel.WARNING);
            assertThat(e.reference("orderId")).contains("o-1");
            assertThat(e.reference("orderUpdateId")).contains("0");
        });
        assertThat(last(robot).orderUpdateId()).isEqualTo(1);

        // an update that does not start at the last base node (n3, 6) is refused too
        master.order(order(robot, "o-1", 2).from(2).node("n1", 1, 0).node("n4", 4, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(error(last(robot), "orderUpdateError").reference(
                "orderUpdateId")).contains("2"));
        assertThat(last(robot).orderUpdateId()).isEqualTo(1);
        assertThat(robot.pose().x()).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void cancelOrderStopsTheRobotAndFailsItsActions() throws Exception {
        SimulatedRobot robot = start(fast().speed(1));
        master.order(order(robot, "o-long", 0).node("n0", 0, 0).node("n1", 20, 0,
                Action.of("pick", "pick-1", BlockingType.HARD)).build());
        await().atMost(DEADLINE).until(() -> robot.pose().x() > 0.2);
        master.instantActions(robot.serialNumber(), Action.of("cancelOrder", "cancel-1", BlockingType.HARD));

        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(status(s, "cancel-1")).isEqualTo(ActionStatus.FINISHED);
            assertThat(status(s, "pick-1")).isEqualTo(ActionStatus.FAILED);
            assertThat(s.nodeStates()).isEmpty();
            assertThat(s.edgeStates()).isEmpty();
            assertThat(s.driving()).isFalse();
            assertThat(s.orderId()).isEqualTo("o-long"); // kept (6.6.3)
        });
        double stoppedAt = robot.pose().x();
        assertThat(stoppedAt).isBetween(0.2, 19.0);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> robot.pose().x() == stoppedAt);

        // 6.6.3.2: nothing left to cancel
        master.instantActions(robot.serialNumber(), Action.of("cancelOrder", "cancel-2", BlockingType.HARD));
        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(status(s, "cancel-2")).isEqualTo(ActionStatus.FAILED);
            assertThat(error(s, "noOrderToCancel").reference("actionId")).contains("cancel-2");
        });
        assertThat(robot.receivedInstantActionList()).extracting(Action::actionId)
                .containsExactly("cancel-1", "cancel-2");

        // a new order starting where it stopped is accepted
        master.order(order(robot, "o-next", 0).node("here", stoppedAt, 0).node("back", 0, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(s.orderId()).isEqualTo("o-next");
            assertThat(s.lastNodeId()).isEqualTo("back");
            assertThat(s.errors()).isEmpty();
        });
    }

    @Test
    void everySecondOrderFailsWithAFatalErrorWhenTheFailurePeriodIsTwo() throws Exception {
        SimulatedRobot robot = start(fast().failurePeriod(2));
        List<Long> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.measureOrderWaits(waits::add);
        for (int i = 1; i <= 4; i++) {
            String orderId = "o-" + i;
            double from = (i - 1) * 0.5;
            master.order(order(robot, orderId, 0).node("a" + i, from, 0).node("b" + i, from + 0.5, 0,
                    Action.of("drop", "drop-" + i, BlockingType.HARD)).build());
            await().atMost(DEADLINE).untilAsserted(() -> {
                State s = last(robot);
                assertThat(s.orderId()).isEqualTo(orderId);
                assertThat(s.nodeStates()).isEmpty();
                assertThat(status(s, "drop-" + orderId.substring(2))).isIn(ActionStatus.FINISHED,
                        ActionStatus.FAILED);
            });
            State done = last(robot);
            AgvError fatal = errorIfAny(done, "simulatedFailure");
            if (i % 2 == 1) {
                assertThat(fatal).as("order %d passes", i).isNull();
                assertThat(status(done, "drop-" + i)).isEqualTo(ActionStatus.FINISHED);
            } else {
                assertThat(fatal).as("order %d fails", i).isNotNull();
                assertThat(fatal.errorLevel()).isEqualTo(ErrorLevel.FATAL);
                assertThat(fatal.reference("orderId")).contains(orderId);
                assertThat(fatal.reference("nodeId")).contains("b" + i);
                assertThat(fatal.reference("actionId")).contains("drop-" + i);
                assertThat(status(done, "drop-" + i)).isEqualTo(ActionStatus.FAILED);
            }
        }
        // the wait for orders 2, 3 and 4, each sent once the previous one showed done (failed ones too)
        assertThat(waits).hasSize(3).allMatch(nanos -> nanos > 0);
    }

    @Test
    void factsheetOnRequest() throws Exception {
        SimulatedRobot robot = start(fast().speed(1.5));
        master.instantActions(robot.serialNumber(), Action.of("factsheetRequest", "fs-1", BlockingType.NONE));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(master.factsheets(robot.serialNumber())).singleElement().satisfies(f -> {
                assertThat(f.serialNumber()).isEqualTo(robot.serialNumber());
                assertThat(f.manufacturer()).isEqualTo(manufacturer);
                assertThat(f.typeSpecification().agvClass()).isEqualTo(Factsheet.AgvClass.CARRIER);
                assertThat(f.physicalParameters().speedMax()).isEqualTo(1.5);
                assertThat(f.protocolFeatures().agvActions()).extracting(Factsheet.AgvAction::actionType)
                        .contains("cancelOrder", "factsheetRequest", "startTeleop", "startCharging");
            });
            assertThat(status(last(robot), "fs-1")).isEqualTo(ActionStatus.FINISHED);
        });
    }

    @Test
    void startUpKeepsWhenTheRobotCameOnlineAndFirstGotAFactsheetRequestAndAnOrder() throws Exception {
        long before = System.nanoTime();
        SimulatedRobot robot = start(fast());
        SimulatedRobot.StartUp online = robot.startUp();
        assertThat(online.onlineAt()).as("online once start returns").isBetween(before, System.nanoTime());
        assertThat(online.factsheetRequestedAt()).isZero();
        assertThat(online.firstOrderAt()).isZero();

        // an order clears the robot's action states, instant ones included: the order first
        master.order(order(robot, "o-1", 0).node("n0", 0, 0).node("n1", 0.2, 0).build());
        await().atMost(DEADLINE).until(() -> last(robot).orderId().equals("o-1") && last(robot).nodeStates().isEmpty());
        master.instantActions(robot.serialNumber(), Action.of("factsheetRequest", "fs-1", BlockingType.NONE));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(status(last(robot), "fs-1")).isEqualTo(ActionStatus.FINISHED));
        SimulatedRobot.StartUp first = robot.startUp();
        assertThat(first.factsheetRequestedAt()).isGreaterThan(online.onlineAt());
        assertThat(first.firstOrderAt()).isGreaterThan(online.onlineAt());

        master.order(order(robot, "o-2", 0).node("n1", 0.2, 0).node("n2", 0.4, 0).build());
        await().atMost(DEADLINE).until(() -> last(robot).orderId().equals("o-2"));
        master.instantActions(robot.serialNumber(), Action.of("factsheetRequest", "fs-2", BlockingType.NONE));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(status(last(robot), "fs-2")).isEqualTo(ActionStatus.FINISHED));
        assertThat(robot.startUp()).as("only the first of each counts").isEqualTo(first);
    }

    @Test
    void teleopSwitchesTheOperatingMode() throws Exception {
        SimulatedRobot robot = start(fast());
        master.instantActions(robot.serialNumber(), Action.of("startTeleop", "tele-1", BlockingType.HARD));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(last(robot).operatingMode()).isEqualTo(OperatingMode.MANUAL);
            assertThat(status(last(robot), "tele-1")).isEqualTo(ActionStatus.FINISHED);
        });
        master.order(order(robot, "o-t", 0).node("n0", 0, 0).node("n1", 1, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(error(last(robot), "orderError")).isNotNull());
        assertThat(robot.pose().x()).isZero();

        master.instantActions(robot.serialNumber(), Action.of("stopTeleop", "tele-2", BlockingType.HARD));
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(last(robot).operatingMode())
                .isEqualTo(OperatingMode.AUTOMATIC));
        assertThat(robot.operatingMode()).isEqualTo(OperatingMode.AUTOMATIC);
    }

    /**
     * Robots that publish less often than their keep-alive stay connected on the clients' pings alone, and those
     * run on the simulator's scheduler: close must keep it until the last robot said OFFLINE.
     */
    @Test
    void closeStopsEveryRobotWithOfflineWhileItsPingsStillRun() throws Exception {
        int robots = 60;
        start(SimulatorConfig.builder().robots(robots).statePeriod(Duration.ofSeconds(30)).keepAlive(Duration.ofSeconds(2)));
        List<String> serials = simulator.robots().stream().map(SimulatedRobot::serialNumber).toList();
        await().atMost(DEADLINE).untilAsserted(() -> serials.forEach(s -> assertThat(master.connections(s))
                .extracting(Connection::connectionState).containsExactly(ConnectionState.ONLINE)));
        // connected throughout two keep-alive periods without a state: only the pings kept them connected
        await().during(Duration.ofSeconds(4)).atMost(DEADLINE)
                .until(() -> simulator.robots().stream().allMatch(SimulatedRobot::isConnected));

        simulator.close();

        assertThat(simulator.robots()).noneMatch(SimulatedRobot::isConnected);
        await().atMost(DEADLINE).untilAsserted(() -> serials.forEach(s -> assertThat(master.connections(s))
                .extracting(Connection::connectionState).as(s)
                .containsExactly(ConnectionState.ONLINE, ConnectionState.OFFLINE)));
    }

    @Test
    void connectionOnlineThenLastWillOnAbruptDisconnectThenOfflineOnCleanStop() throws Exception {
        SimulatedRobot robot = start(fast().robots(2));
        SimulatedRobot other = simulator.robot("agv-002");
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(master.connections(robot.serialNumber())).extracting(Connection::connectionState)
                    .containsExactly(ConnectionState.ONLINE);
            assertThat(master.connections(other.serialNumber())).extracting(Connection::connectionState)
                    .containsExactly(ConnectionState.ONLINE);
        });
        assertThat(robot.isConnected()).isTrue();

        robot.disconnectAbruptly();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(master.connections(robot.serialNumber()))
                .extracting(Connection::connectionState)
                .containsExactly(ConnectionState.ONLINE, ConnectionState.CONNECTIONBROKEN));

        // retained: a master control that subscribes now learns the last word of each robot at once
        try (MasterControl late = new MasterControl(EmbeddedBroker.uri(), "uagv", manufacturer)) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                assertThat(late.connections(robot.serialNumber())).extracting(Connection::connectionState)
                        .containsExactly(ConnectionState.CONNECTIONBROKEN);
                assertThat(late.connections(other.serialNumber())).extracting(Connection::connectionState)
                        .containsExactly(ConnectionState.ONLINE);
            });
        }

        robot.reconnect().get(10, java.util.concurrent.TimeUnit.SECONDS);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(master.connections(robot.serialNumber()))
                .extracting(Connection::connectionState).endsWith(ConnectionState.ONLINE).hasSize(3));

        simulator.close();
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(master.connections(robot.serialNumber())).extracting(Connection::connectionState)
                    .endsWith(ConnectionState.OFFLINE);
            assertThat(master.connections(other.serialNumber())).extracting(Connection::connectionState)
                    .containsExactly(ConnectionState.ONLINE, ConnectionState.OFFLINE);
        });
        // headerId counts per topic; the last will carries the (outdated) one of its connect (6.14)
        List<Connection> own = master.connections(robot.serialNumber()).stream()
                .filter(c -> c.connectionState() != ConnectionState.CONNECTIONBROKEN).toList();
        assertThat(own).hasSize(3);
        for (int i = 1; i < own.size(); i++) {
            assertThat(own.get(i).headerId()).isGreaterThan(own.get(i - 1).headerId());
        }
    }

    @Test
    void invalidOrdersAreRejectedWithErrorsInState() throws Exception {
        SimulatedRobot robot = start(fast());
        String serial = robot.serialNumber();

        master.publish(serial, Topic.ORDER, "{\"orderId\": \"broken\", ".getBytes());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(error(last(robot), "validationError")
                .errorDescription()).contains("malformed JSON"));

        Order valid = order(robot, "o-bad-graph", 0).node("n0", 0, 0).node("n1", 1, 0).build();
        Order noEdges = Order.of(valid.header(), valid.orderId(), 0, null, valid.nodes(), List.of());
        master.order(noEdges);
        await().atMost(DEADLINE).untilAsserted(() -> {
            AgvError e = error(last(robot), "validationError");
            assertThat(e.errorDescription()).contains("needs 1 edges, found 0");
            assertThat(e.reference("orderId")).contains("o-bad-graph");
        });

        master.order(order(robot, "o-far", 0).node("far", 50, 50).node("further", 51, 50).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(error(last(robot), "orderError").reference(
                "nodeId")).contains("far"));
        assertThat(robot.rejectedMessages()).isEqualTo(1);
        assertThat(last(robot).orderId()).isEmpty();

        // a valid order clears the warnings; a different order while it runs is refused
        master.order(order(robot, "o-ok", 0).node("n0", 0, 0).node("n1", 8, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(last(robot).orderId()).isEqualTo("o-ok");
            assertThat(last(robot).errors()).isEmpty();
        });
        master.order(order(robot, "o-intruder", 0).node("x", robot.pose().x(), 0).node("y", 0, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(error(last(robot), "orderUpdateError")
                .reference("orderId")).contains("o-intruder"));
        assertThat(last(robot).orderId()).isEqualTo("o-ok");
    }

    @Test
    void failingActionTypeFailsTheActionAndStopsTheOrder() throws Exception {
        SimulatedRobot robot = start(fast().failingActions(Set.of("explode"))
                .actionDurations(Map.of("explode", Duration.ofMillis(100))));
        master.order(order(robot, "o-x", 0).node("n0", 0, 0).node("n1", 1, 0,
                Action.of("explode", "boom", BlockingType.HARD)).node("n2", 2, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(status(s, "boom")).isEqualTo(ActionStatus.FAILED);
            AgvError e = error(s, "actionFailed");
            assertThat(e.reference("actionId")).contains("boom");
            assertThat(e.reference("nodeId")).contains("n1");
            assertThat(s.nodeStates()).isEmpty();
            assertThat(s.lastNodeId()).isEqualTo("n1");
        });
        assertThat(robot.pose().x()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void hardActionHoldsTheRobotOnItsNodeUntilFinished() throws Exception {
        SimulatedRobot robot = start(fast().actionDurations(Map.of("lift", Duration.ofMillis(600))));
        master.order(order(robot, "o-h", 0).node("n0", 0, 0).node("n1", 1, 0,
                Action.of("lift", "lift-1", BlockingType.HARD)).node("n2", 2, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(last(robot).lastNodeId()).isEqualTo("n2"));
        List<State> states = master.states(robot.serialNumber());
        List<State> lifting = states.stream().filter(s -> status(s, "lift-1") == ActionStatus.RUNNING).toList();
        assertThat(lifting).hasSizeGreaterThan(3).allSatisfy(s -> {
            assertThat(s.driving()).isFalse();
            assertThat(s.lastNodeId()).isEqualTo("n1");
            assertThat(s.agvPosition().x()).isCloseTo(1.0, within(1e-9));
        });
    }

    @Test
    void batteryDrainsWhileDrivingAndChargesOnStartCharging() throws Exception {
        SimulatedRobot robot = start(fast().batteryDrainPerMetre(1.0).chargeRatePerSecond(20)
                .actionDurations(Map.of("startCharging", Duration.ZERO, "stopCharging", Duration.ZERO)));
        master.order(order(robot, "o-b", 0).node("n0", 0, 0).node("n1", 10, 0).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(last(robot).lastNodeId()).isEqualTo("n1"));
        assertThat(last(robot).batteryState().batteryCharge()).isCloseTo(90.0, within(1e-6));
        assertThat(last(robot).batteryState().charging()).isFalse();

        master.instantActions(robot.serialNumber(), Action.of("startCharging", "charge-1", BlockingType.HARD));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(last(robot).batteryState().charging()).isTrue();
            assertThat(last(robot).batteryState().batteryCharge()).isGreaterThan(91);
        });
        master.instantActions(robot.serialNumber(), Action.of("stopCharging", "charge-2", BlockingType.HARD));
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(last(robot).batteryState().charging()).isFalse();
            assertThat(status(last(robot), "charge-2")).isEqualTo(ActionStatus.FINISHED);
        });
    }

    @Test
    void rotationOnTheSpotEndsAtTheNodesTheta() throws Exception {
        SimulatedRobot robot = start(fast());
        master.order(order(robot, "o-r", 0).node("n0", 0, 0).node("n1", 0, 0, Math.PI / 2).build());
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(last(robot).lastNodeId()).isEqualTo("n1"));
        assertThat(robot.pose().theta()).isCloseTo(Math.PI / 2, within(2e-3));
        assertThat(robot.pose().x()).isZero();
    }

    @Test
    void brokerRestartMidOrderTheRobotReconnectsAndFinishes() throws Exception {
        SimulatedRobot robot = start(fast().speed(2));
        master.order(order(robot, "o-restart", 0).node("n0", 0, 0).node("n1", 4, 0).node("n2", 8, 0).build());
        await().atMost(DEADLINE).until(() -> robot.pose().x() > 0.5);
        EmbeddedBroker.restart(() -> await().atMost(DEADLINE).until(() -> !robot.isConnected()));
        await().atMost(DEADLINE).until(robot::isConnected);
        // the master control reconnects as well and subscribes anew (its session was clean)
        master.close();
        master = new MasterControl(EmbeddedBroker.uri(), "uagv", manufacturer);
        await().atMost(DEADLINE).untilAsserted(() -> {
            State s = last(robot);
            assertThat(s.orderId()).isEqualTo("o-restart");
            assertThat(s.lastNodeId()).isEqualTo("n2");
            assertThat(s.nodeStates()).isEmpty();
        });
        assertThat(robot.pose().x()).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void aSilentRobotStaysConnectedButPublishesNoState() throws Exception {
        SimulatedRobot robot = start(fast());
        String serial = robot.serialNumber();
        await().atMost(DEADLINE).until(() -> master.states(serial).size() > 3);
        robot.setSilent(true);
        await().atMost(DEADLINE).until(() -> {
            int before = master.states(serial).size();
            return await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                    .until(() -> master.states(serial).size(), n -> n == before) == before;
        });
        assertThat(robot.isConnected()).isTrue();
        int silentCount = master.states(serial).size();
        robot.setSilent(false);
        await().atMost(DEADLINE).until(() -> master.states(serial).size() > silentCount + 3);
    }

    @Test
    void aFleetIsAnnouncedOnceEveryRobotIsSubscribed() throws Exception {
        start(fast().robots(20));
        List<SimulatedRobot.StartUp> startUps = simulator.robots().stream().map(SimulatedRobot::startUp).toList();
        assertThat(startUps).allSatisfy(s -> assertThat(s.subscribedAt()).isPositive()
                .isLessThanOrEqualTo(s.announcedAt()).isLessThanOrEqualTo(s.onlineAt()));
        long lastSubscribed = startUps.stream().mapToLong(SimulatedRobot.StartUp::subscribedAt).max().orElseThrow();
        long firstAnnounced = startUps.stream().mapToLong(SimulatedRobot.StartUp::announcedAt).min().orElseThrow();
        assertThat(firstAnnounced)
                .as("no robot publishes ONLINE before the whole fleet is subscribed (ADR 0063 addendum)")
                .isGreaterThanOrEqualTo(lastSubscribed);
        await().atMost(DEADLINE).until(() -> simulator.robots().stream()
                .allMatch(r -> master.lastState(r.serialNumber()) != null));
    }

    @Test
    void hundredRobotsAtATenthOfASecond() throws Exception {
        start(fast().robots(100).statePeriod(Duration.ofMillis(100)).spacing(2));
        List<SimulatedRobot> robots = simulator.robots();
        assertThat(robots).hasSize(100);
        assertThat(robots.get(99).serialNumber()).isEqualTo("agv-100");
        for (int i = 0; i < robots.size(); i++) {
            SimulatedRobot r = robots.get(i);
            master.order(order(r, "o-" + i, 0).node("s" + i, i * 2, 0).node("t" + i, i * 2, 3).build());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (SimulatedRobot r : robots) {
                State s = last(r);
                assertThat(s.nodeStates()).as(r.serialNumber()).isEmpty();
                assertThat(s.lastNodeId()).as(r.serialNumber()).startsWith("t");
            }
        });
        // an idle robot keeps reporting at its period; how many states a second the fleet offers is the
        // benchmark's figure ("offered"), not an assertion on this machine's wall clock
        Map<String, Long> seen = new HashMap<>();
        for (SimulatedRobot r : robots) {
            seen.put(r.serialNumber(), last(r).headerId());
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (SimulatedRobot r : robots) {
                List<Long> later = master.states(r.serialNumber()).stream().map(State::headerId)
                        .filter(id -> id > seen.get(r.serialNumber())).toList();
                assertThat(later).as(r.serialNumber()).hasSizeGreaterThanOrEqualTo(5).isSorted();
            }
        });
        for (SimulatedRobot r : robots) {
            State s = last(r);
            assertThat(s.driving()).as(r.serialNumber()).isFalse();
            assertThat(s.orderId()).as(r.serialNumber()).isEqualTo("o-" + robots.indexOf(r));
        }
    }
}
