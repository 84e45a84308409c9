package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.fleetdispatch.launcher.testing.EmbeddedServicesListener;
import org.fleetdispatch.simulator.SimulatedRobot;
import org.fleetdispatch.simulator.Simulator;
import org.fleetdispatch.simulator.SimulatorConfig;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.InstantActions;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.TopicName;
import org.fleetdispatch.vda5050.Vda5050Codec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Missions end to end: the built WAR on Payara Micro, real PostgreSQL and broker, simulated VDA 5050
 * robots. Each test uses robots of its own, so the tests share one server, and watches
 * {@code GET /mission/watch} from before its first request: the states asserted are those a client saw.
 */
@ExtendWith(ArquillianExtension.class)
class MissionScenariosIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static WebArchive application() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("fleetdispatch.war")));
    }

    @ArquillianResource
    private URL base;

    private Api api;
    private MissionTimeline timeline;
    private final List<Simulator> simulators = new ArrayList<>();

    @BeforeEach
    void connect() throws Exception {
        api = new Api(base);
        timeline = MissionTimeline.open(api);
    }

    @AfterEach
    void stopRobots() {
        simulators.forEach(Simulator::close);
        timeline.close();
    }

    // ---------------------------------------------------------------------------------------------- scenarios

    @Test
    void aMissionOfThreeRoutesCompletes() throws Exception {
        SimulatedRobot robot = robots("three-", 1, b -> b).get(0);
        String mission = submit(robot, route("a", null, 1, 0), route("b", null, 1, 1), route("c", null, 0, 1));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.currentNodes(mission)).containsExactly(0, 1, 2);
        assertThat(robot.receivedOrders()).hasSize(3);
        assertThat(robot.pose().x()).isCloseTo(0, within(0.3));
        assertThat(robot.pose().y()).isCloseTo(1, within(0.3));
        JsonObject status = api.mission(mission).getJsonObject("status");
        assertThat(status.getString("start_timestamp")).isNotBlank();
        assertThat(status.getString("end_timestamp")).isNotBlank();
        assertThat(status.getJsonObject("node_status").getJsonObject("c").getString("state")).isEqualTo("COMPLETED");
        // published from memory, the orders' rows are deleted soon after: sooner than the 30 s after which the
        // relay's sweep would take them for rows another instance left behind and publish them again
        String orders = TopicName.of("uagv", robot.manufacturer(), robot.serialNumber(), Topic.ORDER).toString();
        await().atMost(Duration.ofSeconds(20)).until(() -> "0".equals(
                Api.sqlText("select count(*) from outbox_message where topic = ?", orders)));
    }

    @Test
    void aMissionMayArriveBeforeItsRobot() throws Exception {
        String mission = api.create("mission", "{\"robot\": \"late-001\", \"mission_tree\": [" + route("r", null, 1, 0) + "]}")
                .getString("name");
        assertThat(api.mission(mission).getJsonObject("status").getString("state")).isEqualTo("PENDING");
        robots("late-", 1, b -> b);
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
    }

    @Test
    void queuedMissionsRunInOrderAndEveryOtherFails() throws Exception {
        SimulatedRobot robot = robots("queue-", 1, b -> b.failurePeriod(2)).get(0);
        double dispatchedBefore = api.metric("fleetdispatch_dispatch_latency_within_total", "le=\"+Inf\"");
        double within5sBefore = api.metric("fleetdispatch_dispatch_latency_within_total", "le=\"5.0\"");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            names.add(submit(robot, route("r", null, i % 2 == 0 ? 1 : 0, 0)));
        }
        await().atMost(DEADLINE).until(() -> timeline.done(names));
        // the three missions after the first started from the robot's state: their orders' latencies are counted
        double dispatched = api.metric("fleetdispatch_dispatch_latency_within_total", "le=\"+Inf\"") - dispatchedBefore;
        assertThat(dispatched).isGreaterThanOrEqualTo(3);
        assertThat(api.metric("fleetdispatch_dispatch_latency_within_total", "le=\"5.0\"") - within5sBefore)
                .as("none took 5 s").isEqualTo(dispatched);
        assertThat(names).extracting(timeline::states).containsExactly(
                List.of("PENDING", "RUNNING", "COMPLETED"), List.of("PENDING", "RUNNING", "FAILED"),
                List.of("PENDING", "RUNNING", "COMPLETED"), List.of("PENDING", "RUNNING", "FAILED"));
        assertThat(timeline.transitions()).filteredOn(t -> t.endsWith(" RUNNING") && names.contains(t.substring(0, t.indexOf(' '))))
                .containsExactly(names.stream().map(n -> n + " RUNNING").toArray(String[]::new));
        JsonObject failed = api.mission(names.get(1)).getJsonObject("status");
        assertThat(failed.getString("failure_category")).isEqualTo("ROBOT_APP");
        assertThat(failed.getString("failure_reason")).contains("Node 'r'").contains("FATAL");
    }

    @Test
    void aQueuedMissionThatEndsAsItStartsDoesNotHoldUpTheQueue() throws Exception {
        SimulatedRobot robot = robots("instant-", 1, b -> b).get(0);
        String first = submit(robot, route("out", null, 1, 0));
        String instant = submit(robot, "{\"name\": \"done\", \"constant\": {\"success\": true}}");
        String last = submit(robot, route("back", null, 0, 0));
        await().atMost(DEADLINE).until(() -> timeline.done(List.of(first, instant, last)));
        assertThat(List.of(first, instant, last)).extracting(timeline::states)
                .allSatisfy(states -> assertThat(states).startsWith("PENDING").endsWith("COMPLETED"));
        assertThat(robot.receivedOrders()).hasSize(2);
    }

    @Test
    void aMissionThatTakesTooLongFailsAndTheRobotIsStopped() throws Exception {
        SimulatedRobot robot = robots("slow-", 1, b -> b.speed(0.2)).get(0);
        String mission = api.create("mission", "{\"robot\": \"" + robot.serialNumber() + "\", \"timeout\": 2, \"mission_tree\": ["
                + route("far", null, 50, 0) + "]}").getString("name");
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "FAILED");
        JsonObject status = api.mission(mission).getJsonObject("status");
        assertThat(status.getString("failure_reason")).isEqualTo("Mission timed out");
        assertThat(status.getString("failure_category")).isEqualTo("TIMEOUT");
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("cancelOrder"));
    }

    @Test
    void aMoveOfADistanceThenARotationEndsAtTheRightPose() throws Exception {
        SimulatedRobot robot = robots("move-", 1, b -> b).get(0);
        String mission = submit(robot, "{\"name\": \"ahead\", \"move\": {\"distance\": 2.0}}",
                "{\"name\": \"turn\", \"move\": {\"rotation\": 1.5707963267948966}}");
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.currentNodes(mission)).containsExactly(0, 1);
        assertThat(robot.pose().x()).isCloseTo(2.0, within(0.3));
        assertThat(robot.pose().y()).isCloseTo(0.0, within(0.3));
        assertThat(robot.pose().theta()).isCloseTo(Math.PI / 2, within(0.1));
    }

    @Test
    void aFlatTreeRunsRouteActionActionRoute() throws Exception {
        SimulatedRobot robot = robots("flat-", 1, b -> b).get(0);
        String mission = submit(robot, route("go", null, 1, 0), action("lift", null, "pick"), action("drop", null, "drop"),
                route("back", null, 0, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.currentNodes(mission)).containsExactly(0, 1, 2, 3);
        List<Order> orders = robot.receivedOrders();
        assertThat(orders).hasSize(4);
        assertThat(orders.get(1).nodes().get(0).actions()).extracting(Action::actionType).containsExactly("pick");
        assertThat(orders.get(2).nodes().get(0).actions()).extracting(Action::actionType).containsExactly("drop");
    }

    @Test
    void aFailingActionFailsTheMissionAndNamesTheNode() throws Exception {
        SimulatedRobot robot = robots("fail-", 1, b -> b.failingActions(Set.of("explode"))).get(0);
        String mission = submit(robot, route("go", null, 1, 0), action("boom", null, "explode"), route("never", null, 0, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "FAILED");
        assertThat(timeline.currentNodes(mission)).containsExactly(0, 1);
        JsonObject status = api.mission(mission).getJsonObject("status");
        assertThat(status.getString("failure_reason")).startsWith("Node 'boom' (action) failed: Action 'explode'");
        assertThat(status.getString("failure_category")).isEqualTo("ROBOT_APP");
        assertThat(status.getJsonObject("node_status").getJsonObject("never").getString("state")).isEqualTo("PENDING");
        assertThat(robot.receivedOrders()).hasSize(2);
    }

    @Test
    void aSelectorRecoversFromAFailingAction() throws Exception {
        SimulatedRobot robot = robots("sel-", 1, b -> b.failingActions(Set.of("explode"))).get(0);
        String mission = submit(robot, "{\"name\": \"try\", \"selector\": {}}", action("boom", "try", "explode"),
                route("fallback", "try", 1, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.currentNodes(mission)).containsExactly(1, 2);
        JsonObject nodes = api.mission(mission).getJsonObject("status").getJsonObject("node_status");
        assertThat(nodes.getJsonObject("boom").getString("state")).isEqualTo("FAILED");
        assertThat(nodes.getJsonObject("fallback").getString("state")).isEqualTo("COMPLETED");
        assertThat(nodes.getJsonObject("try").getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void aThreeLayerTreeVisitsItsLeavesInOrder() throws Exception {
        SimulatedRobot robot = robots("layers-", 1, b -> b.failingActions(Set.of("explode"))).get(0);
        String mission = submit(robot, route("0", null, 1, 0), "{\"name\": \"1\", \"sequence\": {}}", route("2", "1", 1, 1),
                "{\"name\": \"3\", \"selector\": {}, \"parent\": \"1\"}", action("4", "3", "explode"), route("5", "3", 0, 1),
                route("6", null, 0, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.currentNodes(mission)).containsExactly(0, 2, 4, 5, 6);
    }

    @Test
    void cancelingARunningMissionStopsTheRobotAndTheNextOneRuns() throws Exception {
        SimulatedRobot robot = robots("cancel-", 1, b -> b.speed(0.2)).get(0);
        String first = submit(robot, route("far", null, 30, 0));
        String second = submit(robot, route("near", null, 0, 0.5));
        await().atMost(DEADLINE).until(() -> timeline.reached(first, "RUNNING"));
        api.create("mission/" + first + "/cancel", "");
        JsonObject canceled = api.mission(first);
        assertThat(canceled.getJsonObject("status").getString("state")).isEqualTo("CANCELED");
        assertThat(canceled.getJsonObject("status").getString("failure_category")).isEqualTo("CANCELED");
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("cancelOrder"));
        assertThat(finish(second)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.states(first)).containsExactly("PENDING", "RUNNING", "CANCELED");
        assertThat(api.post("mission/" + first + "/cancel", "").statusCode()).isEqualTo(409);
    }

    @Test
    void aCancelWaitsForTheRobotAStateHoldsWithoutHoldingTheMission() throws Exception {
        SimulatedRobot robot = robots("lockcancel-", 1, b -> b.speed(0.2)).get(0);
        String mission = runningSilently(robot);
        HttpResponse<String> cancel = whileAStateHolds(robot, mission, () -> api.post("mission/" + mission + "/cancel", ""));
        assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "CANCELED");
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("cancelOrder"));
    }

    @Test
    void anUpdateWaitsForTheRobotAStateHoldsWithoutHoldingTheMission() throws Exception {
        SimulatedRobot robot = robots("lockupdate-", 1, b -> b.speed(0.2)).get(0);
        String mission = runningSilently(robot);
        HttpResponse<String> update = whileAStateHolds(robot, mission, () -> api.post("mission/" + mission + "/update",
                "{\"far\": {\"waypoints\": [{\"x\": 2, \"y\": 0.5, \"theta\": 0, \"map_id\": \"map\"}]}}"));
        assertThat(update.statusCode()).as(update.body()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> robot.receivedOrders().size() == 2);
        assertThat(robot.receivedOrders().get(1).orderUpdateId()).isGreaterThan(robot.receivedOrders().get(0).orderUpdateId());
        robot.setSilent(false);
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(robot.pose().y()).isCloseTo(0.5, within(0.3));
    }

    @Test
    void aTimeoutPassesOverARobotAStateHoldsWithoutHoldingTheMission() throws Exception {
        SimulatedRobot robot = robots("locktimeout-", 1, b -> b.speed(0.2)).get(0);
        String mission = api.create("mission", "{\"robot\": \"" + robot.serialNumber() + "\", \"timeout\": 4,"
                + " \"mission_tree\": [" + route("far", null, 50, 0) + "]}").getString("name");
        await().atMost(DEADLINE).until(() -> timeline.reached(mission, "RUNNING")
                && robot.receivedOrders().size() == 1);
        robot.setSilent(true);
        try (Connection state = Api.database()) {
            state.setAutoCommit(false);
            lockRow(state, "select name from robot where name = ? for update", robot.serialNumber());
            assertThat(state(mission)).as("still within its timeout").isEqualTo("RUNNING");
            // A queued mission of a robot not registered, due after the running one's timeout: the sweep's pass that
            // fails it has seen the running mission overdue first. A pass that locked that mission and then waited
            // for its robot would never get to it.
            String due = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).toString();
            String marker = api.create("mission", "{\"robot\": \"ghost-" + System.nanoTime() + "\", \"deadline\": \""
                    + due + "\", \"mission_tree\": [" + route("never", null, 0, 0) + "]}").getString("name");
            await().atMost(DEADLINE).until(() -> timeline.reached(marker, "FAILED"));
            JsonObject missed = api.mission(marker).getJsonObject("status");
            assertThat(missed.getString("failure_category")).isEqualTo("DEADLINE");
            assertThat(missed.getString("failure_reason")).startsWith("Mission missed its deadline")
                    .endsWith("before it could start");

            assertThat(state(mission)).as("overdue, but its robot is held: left for a later pass").isEqualTo("RUNNING");
            lockRow(state, "select name from mission where name = ? for update nowait", mission);
            state.commit();
        }
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "FAILED");
        assertThat(api.mission(mission).getJsonObject("status").getString("failure_reason"))
                .isEqualTo("Mission timed out");
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("cancelOrder"));
    }

    @Test
    void aNotifyOutcomeWaitsForTheRobotAStateHoldsWithoutHoldingTheMission() throws Exception {
        SimulatedRobot robot = robots("locknotify-", 1, b -> b).get(0);
        try (NotifyEndpoint endpoint = new NotifyEndpoint()) {
            endpoint.holdAnswers();
            String mission = submit(robot, notify("tell", null, endpoint.url("held"), "{}"));
            await().atMost(DEADLINE).until(() -> endpoint.bodies().size() == 1);
            robot.setSilent(true);
            whileAStateHolds(robot, mission, () -> {
                endpoint.releaseAnswers();
                return null;
            });
            assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        }
    }

    /** A mission driving 10 s on the robot, which has its order and has stopped publishing state. */
    private String runningSilently(SimulatedRobot robot) throws Exception {
        String mission = submit(robot, route("far", null, 2, 0));
        await().atMost(DEADLINE).until(() -> timeline.reached(mission, "RUNNING") && robot.receivedOrders().size() == 1);
        robot.setSilent(true);
        return mission;
    }

    /**
     * Runs {@code call} (an API call, or what lets the server act) while this test holds the robot's row, as a
     * robot's state does, and once the server waits for a lock, locks the mission, as a state that ends it does.
     * A server that locked the mission before the robot would hold what a state waits for: PostgreSQL would abort
     * one of the two after its deadlock timeout. The mission is locked with {@code NOWAIT}, so such a server fails
     * the test at once, whichever of the two PostgreSQL would have aborted.
     */
    private <T> T whileAStateHolds(SimulatedRobot robot, String mission, Callable<T> call) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Connection state = Api.database()) {
            state.setAutoCommit(false);
            lockRow(state, "select name from robot where name = ? for update", robot.serialNumber());
            Future<T> response = caller.submit(call);
            await().atMost(DEADLINE).until(() -> waitingForALock() > 0);
            lockRow(state, "select name from mission where name = ? for update nowait", mission);
            state.commit();
            return response.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            caller.shutdownNow();
        }
    }

    private static void lockRow(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(query)) {
            lock.setString(1, name);
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).as(query + " " + name).isTrue();
            }
        }
    }

    private static int waitingForALock() throws SQLException {
        return Integer.parseInt(Api.sqlText("select count(*) from pg_locks where not granted"));
    }

    @Test
    void aRouteOf107WaypointsIsOneOrder() throws Exception {
        SimulatedRobot robot = robots("long-", 1, b -> b.speed(20)).get(0);
        StringBuilder waypoints = new StringBuilder();
        for (int i = 1; i <= 107; i++) {
            waypoints.append(i == 1 ? "" : ", ").append("{\"x\": ").append(i * 0.05).append(", \"y\": 0, \"theta\": 0, \"map_id\": \"map\"}");
        }
        String mission = submit(robot, "{\"name\": \"long\", \"route\": {\"waypoints\": [" + waypoints + "]}}");
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(robot.receivedOrders()).hasSize(1);
        assertThat(robot.receivedOrders().get(0).nodes()).hasSize(108);
        assertThat(robot.pose().x()).isCloseTo(107 * 0.05, within(0.3));
    }

    @Test
    void aSequenceFailsOnAFailingAction() throws Exception {
        SimulatedRobot robot = robots("seqfail-", 1, b -> b.failingActions(Set.of("explode"))).get(0);
        String mission = submit(robot, "{\"name\": \"steps\", \"sequence\": {}}", route("one", "steps", 1, 0),
                action("two", "steps", "explode"), route("three", "steps", 0, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "FAILED");
        JsonObject nodes = api.mission(mission).getJsonObject("status").getJsonObject("node_status");
        assertThat(nodes.getJsonObject("steps").getString("state")).isEqualTo("FAILED");
        assertThat(nodes.getJsonObject("one").getString("state")).isEqualTo("COMPLETED");
        assertThat(nodes.getJsonObject("three").getString("state")).isEqualTo("PENDING");
    }

    @Test
    void hyphenatedNamesAreJustNames() throws Exception {
        SimulatedRobot robot = robots("hyphen-", 1, b -> b).get(0);
        String mission = submit(robot, "{\"name\": \"pick-up-area\", \"sequence\": {}}", route("to-shelf-1", "pick-up-area", 1, 0),
                route("back-to-dock", "pick-up-area", 0, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(api.mission(mission).getJsonObject("status").getJsonObject("node_status").getJsonObject("to-shelf-1")
                .getString("state")).isEqualTo("COMPLETED");
    }

    @Test
    void invalidTreesAreRefusedNamingTheNode() throws Exception {
        var duplicate = api.post("mission", "{\"robot\": \"x-001\", \"mission_tree\": [" + route("same", null, 1, 0) + ", "
                + route("same", null, 2, 0) + "]}");
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(Api.object(duplicate.body()).getString("detail")).contains("'same'").contains("unique");
        var orphan = api.post("mission", "{\"robot\": \"x-001\", \"mission_tree\": [" + route("child", "nobody", 1, 0) + "]}");
        assertThat(orphan.statusCode()).isEqualTo(400);
        assertThat(Api.object(orphan.body()).getString("detail")).contains("parent 'nobody'");
        var two = api.post("mission", "{\"robot\": \"x-001\", \"mission_tree\": [{\"name\": \"both\", \"constant\": {\"success\": true},"
                + " \"sequence\": {}}]}");
        assertThat(two.statusCode()).isEqualTo(400);
        assertThat(Api.object(two.body()).getString("detail")).contains("'both'").contains("exactly one");
        assertThat(Api.array(api.get("mission?robot=x-001").body())).as("nothing was stored").isEmpty();
    }

    @Test
    void aFalseConstantFailsItsSequence() throws Exception {
        SimulatedRobot robot = robots("const-", 1, b -> b).get(0);
        String mission = submit(robot, "{\"name\": \"s\", \"sequence\": {}}", route("first", "s", 1, 0),
                "{\"name\": \"gate\", \"parent\": \"s\", \"constant\": {\"success\": false}}", route("never", "s", 0, 0));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "FAILED");
        assertThat(api.mission(mission).getJsonObject("status").getString("failure_reason")).contains("'gate'");
        assertThat(robot.receivedOrders()).hasSize(1);
    }

    @Test
    void notifyNodesCallOutAndRetry() throws Exception {
        SimulatedRobot robot = robots("notify-", 1, b -> b).get(0);
        try (NotifyEndpoint endpoint = new NotifyEndpoint()) {
            endpoint.answer(200, 503, 429); // two retryable refusals, then accepted
            String afterRoute = submit(robot, route("go", null, 1, 0), notify("tell", null, endpoint.url("done"), "{\"job\": 7}"));
            assertThat(finish(afterRoute)).containsExactly("PENDING", "RUNNING", "COMPLETED");
            assertThat(endpoint.bodies()).hasSize(3).allMatch(b -> b.contains("\"job\":7"));

            String only = submit(robot, notify("only", null, endpoint.url("only"), "{}"));
            assertThat(finish(only)).containsExactly("PENDING", "RUNNING", "COMPLETED");

            endpoint.answer(500);
            String failing = submit(robot, notify("broken", null, endpoint.url("broken"), "{}"), route("never", null, 0, 0));
            assertThat(finish(failing)).containsExactly("PENDING", "RUNNING", "FAILED");
            assertThat(api.mission(failing).getJsonObject("status").getString("failure_reason"))
                    .contains("'broken'").contains("HTTP 500").contains("4 attempts");
        }
    }

    @Test
    void taskStatusCountsTheTaskWaypointsReached() throws Exception {
        SimulatedRobot robot = robots("tasks-", 1, b -> b.speed(1.0)).get(0);
        String mission = submit(robot, "{\"name\": \"tour\", \"route\": {\"waypoints\": ["
                + "{\"x\": 1, \"y\": 0, \"theta\": 0, \"map_id\": \"map\", \"allowedDeviationXY\": 0},"
                + "{\"x\": 1.5, \"y\": 0, \"theta\": 0, \"map_id\": \"map\", \"allowedDeviationXY\": 0.5},"
                + "{\"x\": 2.5, \"y\": 0, \"theta\": 0, \"map_id\": \"map\", \"allowedDeviationXY\": 0}]}}");
        // Queued behind it, the same shape back: on accepting it the robot still reports the first order's last
        // node (wp-3, sequence 6), which this order has too; none of it counts until the robot gets there.
        String back = submit(robot, "{\"name\": \"back\", \"route\": {\"waypoints\": ["
                + "{\"x\": 2, \"y\": 0, \"theta\": 0, \"map_id\": \"map\", \"allowedDeviationXY\": 0},"
                + "{\"x\": 1.5, \"y\": 0, \"theta\": 0, \"map_id\": \"map\", \"allowedDeviationXY\": 0.5},"
                + "{\"x\": 1, \"y\": 0, \"theta\": 0, \"map_id\": \"map\", \"allowedDeviationXY\": 0}]}}");
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.taskCounts(mission, "tour")).containsExactly(0, 1, 2);
        assertThat(finish(back)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.taskCounts(back, "back")).containsExactly(0, 1, 2);
    }

    @Test
    void queuedMissionsCanBeCanceledOrDeletedAndAreSkipped() throws Exception {
        SimulatedRobot robot = robots("skip-", 1, b -> b.speed(1.0)).get(0);
        String running = submit(robot, route("first", null, 2, 0));
        String canceled = submit(robot, route("canceled", null, 5, 5));
        String deleted = submit(robot, route("deleted", null, 6, 6));
        String last = submit(robot, route("last", null, 2, 1));
        await().atMost(DEADLINE).until(() -> timeline.reached(running, "RUNNING"));
        api.create("mission/" + canceled + "/cancel", "");
        assertThat(state(canceled)).isEqualTo("CANCELED");
        assertThat(api.delete("mission/" + deleted).statusCode()).isEqualTo(200);
        assertThat(api.get("mission/" + deleted).statusCode()).isEqualTo(404);
        assertThat(finish(last)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.states(running)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.states(canceled)).containsExactly("PENDING", "CANCELED");
        assertThat(timeline.states(deleted)).as("canceled, then gone").containsExactly("PENDING", "CANCELED", "DELETED");
        assertThat(robot.receivedOrders()).hasSize(2);
        assertThat(api.delete("mission/" + running).statusCode()).as("delete a completed mission").isEqualTo(200);
        assertThat(api.get("mission/" + running).statusCode()).isEqualTo(404);
        await().atMost(DEADLINE).until(() -> timeline.reached(running, "DELETED"));
        assertThat(timeline.states(running)).containsExactly("PENDING", "RUNNING", "COMPLETED", "DELETED");
    }

    @Test
    void deletingARunningMissionStopsTheRobot() throws Exception {
        SimulatedRobot robot = robots("delrun-", 1, b -> b.speed(0.2)).get(0);
        String mission = submit(robot, route("far", null, 30, 0));
        await().atMost(DEADLINE).until(() -> timeline.reached(mission, "RUNNING"));
        assertThat(api.delete("mission/" + mission).statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("cancelOrder"));
        assertThat(api.get("mission/" + mission).statusCode()).isEqualTo(404);
        assertThat(finish(mission)).as("canceled, then gone").containsExactly("PENDING", "RUNNING", "CANCELED", "DELETED");
    }

    @Test
    void routesCanBeUpdatedWhileQueuedOrRunningButNotAfter() throws Exception {
        SimulatedRobot robot = robots("upd-", 1, b -> b.speed(0.5)).get(0);
        String running = submit(robot, "{\"name\": \"path\", \"route\": {\"waypoints\": [{\"x\": 1, \"y\": 0, \"theta\": 0, \"map_id\": \"map\"}]}}");
        String queued = submit(robot, route("later", null, 5, 5));
        await().atMost(DEADLINE).until(() -> timeline.reached(running, "RUNNING") && !robot.receivedOrders().isEmpty());
        api.create("mission/" + queued + "/update", "{\"later\": {\"waypoints\": [{\"x\": 1, \"y\": 1, \"theta\": 0, \"map_id\": \"map\"}]}}");
        api.create("mission/" + running + "/update", "{\"path\": {\"waypoints\": [{\"x\": 1, \"y\": -1, \"theta\": 0, \"map_id\": \"map\"}]}}");
        assertThat(finish(queued)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.states(running)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        List<Order> orders = robot.receivedOrders();
        assertThat(orders).hasSize(3);
        assertThat(orders.get(1).orderId()).isEqualTo(orders.get(0).orderId());
        assertThat(orders.get(1).orderUpdateId()).isEqualTo(1);
        assertThat(orders.get(1).nodes().get(0).nodeId()).isEqualTo(orders.get(0).nodes().get(1).nodeId());
        assertThat(orders.get(2).nodes().get(1).nodePosition().y()).isEqualTo(1.0);
        assertThat(robot.pose().y()).isCloseTo(1.0, within(0.3));
        var late = api.post("mission/" + running + "/update", "{\"path\": {\"waypoints\": [{\"x\": 0, \"y\": 0, \"theta\": 0, \"map_id\": \"map\"}]}}");
        assertThat(late.statusCode()).isEqualTo(409);
    }

    @Test
    void fiveRobotsRunMissionsInParallel() throws Exception {
        List<SimulatedRobot> fleet = robots("five-", 5, b -> b.speed(1.0).spacing(3));
        List<String> missions = new ArrayList<>();
        for (SimulatedRobot robot : fleet) {
            double x = robot.pose().x();
            missions.add(submit(robot, route("out", null, x, 2), route("in", null, x, 0)));
        }
        await().atMost(DEADLINE).until(() -> timeline.done(missions));
        assertThat(missions).extracting(timeline::states).containsOnly(List.of("PENDING", "RUNNING", "COMPLETED"));
        // all five were running at once: every start came before the first end
        List<String> transitions = timeline.transitions();
        int lastStart = -1;
        int firstEnd = Integer.MAX_VALUE;
        for (String mission : missions) {
            lastStart = Math.max(lastStart, transitions.indexOf(mission + " RUNNING"));
            firstEnd = Math.min(firstEnd, transitions.indexOf(mission + " COMPLETED"));
        }
        assertThat(lastStart).as(transitions.toString()).isLessThan(firstEnd);
    }

    @Test
    void aMissionWithoutARobotGoesToAnIdleOne() throws Exception {
        SimulatedRobot robot = robots("auto-", 1, b -> b).get(0);
        String mission = api.create("mission", "{\"mission_tree\": [" + route("anywhere", null, 0.5, 0.5) + "]}").getString("name");
        try {
            assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Mission: " + api.get("mission/" + mission).body()
                    + "\nOnline robots: " + api.get("robot?online=true").body(), e);
        }
        assertThat(api.mission(mission).getString("robot")).isNotBlank();
        // other tests' robots may be idle too; whichever got it drove it
        if (robot.serialNumber().equals(api.mission(mission).getString("robot"))) {
            assertThat(robot.receivedOrders()).hasSize(1);
        }
    }

    @Test
    void theRobotIsOnTaskWhileAMissionRuns() throws Exception {
        SimulatedRobot robot = robots("state-", 1, b -> b.speed(1.0)).get(0);
        assertThat(api.robot(robot.serialNumber()).getJsonObject("status").getString("state")).isEqualTo("IDLE");
        String mission = submit(robot, route("go", null, 2, 0));
        await().atMost(DEADLINE).until(() -> "ON_TASK".equals(api.robot(robot.serialNumber()).getJsonObject("status").getString("state")));
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        await().atMost(DEADLINE).until(() -> "IDLE".equals(api.robot(robot.serialNumber()).getJsonObject("status").getString("state")));
    }

    @Test
    void aBrokerRestartMidMissionLosesNothing() throws Exception {
        SimulatedRobot robot = robots("brk-", 1, b -> b.speed(1.0)).get(0);
        String mission = submit(robot, route("a", null, 2, 0), route("b", null, 2, 2), route("c", null, 0, 2));
        await().atMost(DEADLINE).until(() -> timeline.reached(mission, "RUNNING") && robot.receivedOrders().size() >= 1);
        EmbeddedServicesListener.broker().stop();
        EmbeddedServicesListener.broker().start();
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(timeline.currentNodes(mission)).containsExactly(0, 1, 2);
        assertThat(robot.pose().y()).isCloseTo(2, within(0.3));
    }

    @Test
    void aRobotBackOnlineGetsItsRunningOrderAgain() throws Exception {
        SimulatedRobot robot = robots("back-", 1, b -> b.speed(0.5)).get(0);
        String mission = submit(robot, route("far", null, 3, 0));
        await().atMost(DEADLINE).until(() -> robot.receivedOrders().size() == 1);
        robot.disconnectAbruptly(); // the broker publishes its last will: CONNECTIONBROKEN
        await().atMost(DEADLINE).until(() -> !online(robot.serialNumber()));
        robot.reconnect().get();
        await().atMost(DEADLINE).until(() -> robot.receivedOrders().size() >= 2);
        assertThat(robot.receivedOrders().get(1).orderId()).isEqualTo(robot.receivedOrders().get(0).orderId());
        assertThat(robot.receivedOrders().get(1).orderUpdateId()).isEqualTo(robot.receivedOrders().get(0).orderUpdateId());
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
    }

    @Test
    void anOrderWrittenWhileTheBrokerIsDownGoesOutOnceItIsBack() throws Exception {
        SimulatedRobot robot = robots("down-", 1, b -> b).get(0);
        EmbeddedServicesListener.broker().stop();
        String mission;
        try {
            mission = submit(robot, route("a", null, 1, 0));
            await().atMost(DEADLINE).until(() -> timeline.reached(mission, "RUNNING"));
            assertThat(robot.receivedOrders()).isEmpty();
        } finally {
            EmbeddedServicesListener.broker().start();
        }
        assertThat(finish(mission)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(robot.receivedOrders()).isNotEmpty().allMatch(o -> o.orderId().equals(robot.receivedOrders().get(0).orderId()));
    }

    @Test
    void anOutboxRowAnotherInstanceLeftBehindIsPublished() throws Exception {
        SimulatedRobot robot = robots("leftover-", 1, b -> b).get(0);
        // written 40 s ago by a server instance that stopped before its relay published it: this instance publishes
        // its own rows from memory, and reads the table for rows older than 30 s every few seconds
        byte[] payload;
        try (Vda5050Codec codec = new Vda5050Codec()) {
            payload = codec.encode(InstantActions.of(Header.now(0, robot.manufacturer(), robot.serialNumber()),
                    List.of(Action.of("factsheetRequest", "leftover-1", BlockingType.NONE))));
        }
        String topic = TopicName.of("uagv", robot.manufacturer(), robot.serialNumber(), Topic.INSTANT_ACTIONS).toString();
        Api.sql("insert into outbox_message (topic, payload, qos, retained, created_at) values (?, ?, 0, false,"
                + " now() - interval '40 seconds')", topic, payload);

        await().atMost(DEADLINE).until(() -> robot.receivedInstantActionList().stream()
                .anyMatch(a -> a.actionId().equals("leftover-1")));
        await().atMost(DEADLINE).until(() -> "0".equals(Api.sqlText("select count(*) from outbox_message where topic = ?", topic)));
    }

    @Test
    void theSameMissionGoesTheSameWayAtEveryStatePeriod() throws Exception {
        List<List<Integer>> nodes = new ArrayList<>();
        for (Duration period : List.of(Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(10))) {
            String prefix = "period" + period.toMillis() + "-";
            SimulatedRobot robot = robots(prefix, 1, b -> b.statePeriod(period).speed(2.0)).get(0);
            String mission = submit(robot, route("a", null, 1, 0), action("p", null, "pick"), route("b", null, 0, 0));
            assertThat(finish(mission)).as(prefix).containsExactly("PENDING", "RUNNING", "COMPLETED");
            nodes.add(timeline.currentNodes(mission));
        }
        assertThat(nodes).containsOnly(List.of(0, 1, 2));
    }

    @Test
    void teleoperationOnRequestAndBack() throws Exception {
        SimulatedRobot robot = robots("teleop-", 1, b -> b).get(0);
        String name = robot.serialNumber();
        assertThat(api.put("robot/" + name, "{\"switch_teleop\": true}").statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("startTeleop"));
        await().atMost(DEADLINE).until(() -> "TELEOP".equals(api.robot(name).getJsonObject("status").getString("state")));
        String waiting = submit(robot, route("after-teleop", null, 1, 0));
        assertThat(api.put("robot/" + name, "{\"switch_teleop\": false}").statusCode()).isEqualTo(200);
        await().atMost(DEADLINE).until(() -> actionTypes(robot).contains("stopTeleop"));
        assertThat(finish(waiting)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        assertThat(robot.receivedOrders()).hasSize(1);
    }

    @Test
    void aSilentRobotGoesOfflineAfterItsHeartbeatTimeoutAndComesBack() throws Exception {
        api.create("robot", "{\"name\": \"beat-001\", \"heartbeat_timeout\": 1}");
        Simulator simulator = Simulator.start(SimulatorConfig.builder().brokerUri(EmbeddedServicesListener.broker().uri())
                .robots(1).serialPrefix("beat-").statePeriod(Duration.ofMillis(100)).build());
        simulators.add(simulator);
        SimulatedRobot robot = simulator.robots().get(0);
        await().atMost(DEADLINE).until(() -> online("beat-001"));
        robot.setSilent(true);
        await().atMost(DEADLINE).until(() -> !online("beat-001"));
        robot.setSilent(false);
        await().atMost(DEADLINE).until(() -> online("beat-001"));
        robot.disconnectAbruptly(); // the broker publishes its last will: CONNECTIONBROKEN
        await().atMost(DEADLINE).until(() -> !online("beat-001"));
        robot.reconnect().get();
        await().atMost(DEADLINE).until(() -> online("beat-001"));
    }

    @Test
    void batteryChargingHardwareAndFactsheetComeFromTheRobot() throws Exception {
        SimulatedRobot robot = robots("batt-", 1, b -> b.battery(80)).get(0);
        String name = robot.serialNumber();
        robot.setBatteryCharge(42.5);
        await().atMost(DEADLINE).until(() -> api.robot(name).getJsonObject("status").getJsonNumber("battery_level").doubleValue() == 42.5);
        JsonObject status = api.robot(name).getJsonObject("status");
        assertThat(status.getJsonObject("hardware_version").getString("manufacturer")).isEqualTo("RobotCompany");
        assertThat(status.getJsonObject("hardware_version").getString("serial_number")).isEqualTo(name);
        assertThat(status.getBoolean("position_initialized")).isTrue();
        await().atMost(DEADLINE).until(() -> !api.robot(name).getJsonObject("status").isNull("factsheet")
                && !api.robot(name).getJsonObject("status").getJsonObject("factsheet").isNull("speed_max"));
        assertThat(api.robot(name).getJsonObject("status").getJsonObject("factsheet").getJsonNumber("speed_max").doubleValue())
                .isPositive();
        String charge = submit(robot, action("charge", null, "startCharging"));
        await().atMost(DEADLINE).until(() -> "CHARGING".equals(api.robot(name).getJsonObject("status").getString("state")));
        assertThat(finish(charge)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        String stop = submit(robot, action("unplug", null, "stopCharging"));
        assertThat(finish(stop)).containsExactly("PENDING", "RUNNING", "COMPLETED");
        await().atMost(DEADLINE).until(() -> "IDLE".equals(api.robot(name).getJsonObject("status").getString("state")));
    }

    private boolean online(String robot) throws Exception {
        return api.robot(robot).getJsonObject("status").getBoolean("online");
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Waits until the watch shows the mission ended (or deleted) and returns the states it showed. */
    private List<String> finish(String mission) {
        await().atMost(DEADLINE).until(() -> timeline.done(mission));
        return timeline.states(mission);
    }

    private String state(String mission) throws Exception {
        return api.mission(mission).getJsonObject("status").getString("state");
    }

    private static String notify(String name, String parent, String url, String json) {
        return "{\"name\": \"" + name + "\"" + (parent == null ? "" : ", \"parent\": \"" + parent + "\"")
                + ", \"notify\": {\"url\": \"" + url + "\", \"json_data\": " + json + ", \"timeout\": 5}}";
    }

    /** Registers robots {@code <prefix>001…} through the API and starts them in the simulator. */
    private List<SimulatedRobot> robots(String prefix, int count, UnaryOperator<SimulatorConfig.Builder> tweak) throws Exception {
        for (int i = 1; i <= count; i++) {
            api.create("robot", "{\"name\": \"" + String.format("%s%03d", prefix, i) + "\"}");
        }
        Simulator simulator = Simulator.start(tweak.apply(SimulatorConfig.builder()
                .brokerUri(EmbeddedServicesListener.broker().uri())
                .robots(count)
                .serialPrefix(prefix)
                .speed(4.0)
                .angularSpeed(6.0)
                .statePeriod(Duration.ofMillis(100))
                .defaultActionDuration(Duration.ofMillis(300))).build());
        simulators.add(simulator);
        for (SimulatedRobot robot : simulator.robots()) {
            await().atMost(DEADLINE).until(() -> api.robot(robot.serialNumber()).getJsonObject("status").getBoolean("online"));
        }
        return simulator.robots();
    }

    private String submit(SimulatedRobot robot, String... nodes) throws Exception {
        return api.create("mission", "{\"robot\": \"" + robot.serialNumber() + "\", \"mission_tree\": [" + String.join(", ", nodes) + "]}")
                .getString("name");
    }

    private static String route(String name, String parent, double x, double y) {
        return "{\"name\": \"" + name + "\"" + (parent == null ? "" : ", \"parent\": \"" + parent + "\"")
                + ", \"route\": {\"waypoints\": [{\"x\": " + x + ", \"y\": " + y + ", \"theta\": 0, \"map_id\": \"map\"}]}}";
    }

    private static String action(String name, String parent, String type) {
        return "{\"name\": \"" + name + "\"" + (parent == null ? "" : ", \"parent\": \"" + parent + "\"")
                + ", \"action\": {\"action_type\": \"" + type + "\", \"action_parameters\": {}}}";
    }

    private static List<String> actionTypes(SimulatedRobot robot) {
        return robot.receivedInstantActionList().stream().map(Action::actionType).toList();
    }
}
