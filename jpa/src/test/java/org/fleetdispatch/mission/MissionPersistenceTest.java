package org.fleetdispatch.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.MissionTree;
import org.fleetdispatch.mission.tree.NodeSpecs;
import org.fleetdispatch.mission.tree.NodeStatus;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.persistence.PostgresTest;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotRepository;
import org.junit.jupiter.api.Test;

class MissionPersistenceTest extends PostgresTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Waypoint W = new Waypoint(1.5, -2, 0.25, "hall", 0.0, 0.1);

    private static MissionTree tree() {
        return MissionTree.of(List.of(
                MissionNode.route("drive", null, W, Waypoint.at(3, 3, 0, "hall")),
                MissionNode.sequence("work", null),
                MissionNode.action("pick", "work", "pick", Map.of("height", 0.5, "label", "box-7")),
                MissionNode.notify("tell", "work", "http://mes.example/done", Map.of("ok", true), 5)));
    }

    @Test
    void aMissionRoundTripsWithItsTreeAndProgress() {
        inTransaction(em -> {
            Mission m = Mission.submit("rt-1", "agv-1", tree(), Duration.ofSeconds(90), null, "client-a", T0);
            new MissionRepository(em).add(m);
        });
        inTransaction(em -> {
            Mission m = new MissionRepository(em).lock("rt-1").orElseThrow();
            // free-form parameters come back as JSON numbers (BigDecimal), so compare as JSON
            assertThat(org.fleetdispatch.persistence.Json.write(m.tree().nodes()))
                    .isEqualTo(org.fleetdispatch.persistence.Json.write(tree().nodes()));
            assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(90));
            assertThat(m.nodeStatus()).containsOnlyKeys("root", "drive", "work", "pick", "tell");
            assertThat(m.start(T0.plusSeconds(1)).runningLeaf()).isZero();
            m.orderSent(0, "rt-1-0", 0, "{\"order\":1}".getBytes());
            m.tasksReached("drive", 1);
        });
        inTransaction(em -> {
            Mission m = new MissionRepository(em).lock("rt-1").orElseThrow();
            assertThat(m.state()).isEqualTo(MissionState.RUNNING);
            assertThat(m.orderId()).isEqualTo("rt-1-0");
            assertThat(new String(m.orderMessage())).isEqualTo("{\"order\":1}");
            assertThat(m.taskStatus()).containsEntry("drive", 1);
            assertThat(m.leafFinished(0, true, null, T0.plusSeconds(5)).runningLeaf()).isEqualTo(2);
            assertThat(m.orderId()).isNull();
        });
        inTransaction(em -> {
            Mission m = new MissionRepository(em).find("rt-1").orElseThrow();
            assertThat(m.currentNode()).isEqualTo(2);
            assertThat(m.nodeStatus().get("work")).isEqualTo(NodeStatus.of(MissionState.RUNNING));
            assertThat(m.tree().node(2).action().actionParameters()).containsEntry("label", "box-7");
            m.leafFinished(2, false, "gripper jammed", T0.plusSeconds(9));
        });
        inTransaction(em -> {
            Mission m = new MissionRepository(em).find("rt-1").orElseThrow();
            assertThat(m.state()).isEqualTo(MissionState.FAILED);
            assertThat(m.failureCategory()).isEqualTo(FailureCategory.ROBOT_APP);
            assertThat(m.failureReason()).isEqualTo("Node 'pick' (action) failed: gripper jammed");
            assertThat(m.endTimestamp()).isEqualTo(T0.plusSeconds(9));
        });
    }

    @Test
    void theRunningMissionAndTheQueuesHeadAreLockedTogether() {
        runningWithTwoQueued("rn", "rn-robot");
        inTransaction(em -> new MissionRepository(em).add(Mission.submit("rn-idle-only", "rn-idle", tree(), null, null, null, T0)));
        MissionRepository.RunningAndNext busy = fetch(em -> new MissionRepository(em).lockRunningAndNext("rn-robot"));
        assertThat(busy.running()).map(Mission::name).contains("rn-run");
        assertThat(busy.next()).map(Mission::name).contains("rn-next");
        assertThat(busy.nextKnown()).isTrue();

        MissionRepository.RunningAndNext idle = fetch(em -> new MissionRepository(em).lockRunningAndNext("rn-idle"));
        assertThat(idle.running()).isEmpty();
        assertThat(idle.next()).map(Mission::name).contains("rn-idle-only");

        MissionRepository.RunningAndNext none = fetch(em -> new MissionRepository(em).lockRunningAndNext("rn-nobody"));
        assertThat(none.running()).isEmpty();
        assertThat(none.next()).isEmpty();
        assertThat(none.nextKnown()).as("an empty queue is known to be empty").isTrue();
    }

    @Test
    void aQueueHeadCanceledWhileWaitedForIsNotTakenForTheHead() throws Exception {
        runningWithTwoQueued("cw", "cw-robot");
        EntityManager canceler = factory.createEntityManager();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            canceler.getTransaction().begin();
            new MissionRepository(canceler).lock("cw-next").orElseThrow().cancel(T0);
            canceler.flush();
            Future<MissionRepository.RunningAndNext> locked =
                    waiter.submit(() -> fetch(em -> new MissionRepository(em).lockRunningAndNext("cw-robot")));
            awaitALockWait();
            canceler.getTransaction().commit();

            MissionRepository.RunningAndNext after = locked.get(10, TimeUnit.SECONDS);
            assertThat(after.running()).map(Mission::name).contains("cw-run");
            assertThat(after.next()).isEmpty();
            assertThat(after.nextKnown()).as("the row it waited for is no longer queued").isFalse();
            assertThat(fetch(em -> new MissionRepository(em).lockNextQueued("cw-robot")).map(Mission::name))
                    .contains("cw-later");
        } finally {
            if (canceler.getTransaction().isActive()) {
                canceler.getTransaction().rollback();
            }
            canceler.close();
            waiter.shutdownNow();
        }
    }

    private static Optional<MissionRepository.Assignment> assignment(String mission) {
        return fetch(em -> new MissionRepository(em).assignment(mission));
    }

    /** Whether the mission was locked, in a transaction of its own. */
    private static Optional<Mission> lockIfAssigned(String mission, String robot) {
        return fetch(em -> new MissionRepository(em).lockIfAssigned(mission, robot));
    }

    /** Waits until a transaction waits for a lock another holds. */
    private static void awaitALockWait() {
        await().atMost(Duration.ofSeconds(10)).until(() -> fetch(em -> ((Number) em.createNativeQuery(
                "select count(*) from pg_locks where not granted").getSingleResult()).intValue()) > 0);
    }

    /** Missions {@code <prefix>-run} (running), {@code <prefix>-next} and {@code <prefix>-later} on one robot. */
    private static void runningWithTwoQueued(String prefix, String robot) {
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            for (String name : List.of(prefix + "-run", prefix + "-next", prefix + "-later")) {
                missions.add(Mission.submit(name, robot, tree(), null, null, null, T0));
            }
            missions.lock(prefix + "-run").orElseThrow().start(T0);
        });
    }

    @Test
    void aRobotsQueueIsFirstInFirstOut() {
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            for (String name : List.of("q-c", "q-a", "q-b")) {
                missions.add(Mission.submit(name, "queue-robot", tree(), null, null, null, T0));
            }
        });
        String head = fetch(em -> new MissionRepository(em).lockNextQueued("queue-robot").orElseThrow().name());
        assertThat(head).isEqualTo("q-c");
        List<String> notYet = fetch(em -> new MissionRepository(em).robotsWithQueuedMissions());
        assertThat(notYet).as("the robot does not exist yet").doesNotContain("queue-robot");
        inTransaction(em -> {
            Robot robot = Robot.register("queue-robot", null, null, T0);
            new RobotRepository(em).add(robot);
            robot.report(new org.fleetdispatch.robot.RobotReport(T0, 80, false, org.fleetdispatch.robot.Pose2D.origin(), true, false,
                    null, null, "RobotCompany", "queue-robot"));
        });
        List<String> ready = fetch(em -> new MissionRepository(em).robotsWithQueuedMissions());
        assertThat(ready).contains("queue-robot");
    }

    @Test
    void filtersAreBoundAndCombine() {
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            Mission started = Mission.submit("f-started", "filter-robot", tree(), null, null, null, T0);
            missions.add(started);
            started.start(T0.plusSeconds(10));
            missions.add(Mission.submit("f-pending", "filter-robot", tree(), null, null, null, T0.plusSeconds(1)));
            missions.add(Mission.submit("f-other'; drop table mission; --", "other-robot", tree(), null, null, null, T0.plusSeconds(2)));
        });
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            assertThat(missions.list(new MissionFilter(MissionState.RUNNING, "filter-robot", null, null, null)))
                    .extracting(Mission::name).containsExactly("f-started");
            assertThat(missions.list(new MissionFilter(null, "filter-robot", T0.plusSeconds(5), T0.plusSeconds(20), null)))
                    .extracting(Mission::name).containsExactly("f-started");
            assertThat(missions.list(new MissionFilter(null, "other-robot'; drop table mission; --", null, null, null))).isEmpty();
            assertThat(missions.list(new MissionFilter(null, "filter-robot", null, null, 1)))
                    .extracting(Mission::name).containsExactly("f-pending");
            assertThat(missions.find("f-other'; drop table mission; --")).isPresent();
        });
    }

    @Test
    void overdueMissionsAreFoundByTimeoutAndDeadline() {
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            Mission slow = Mission.submit("o-timeout", "overdue-robot-1", tree(), Duration.ofSeconds(30), null, null, T0);
            missions.add(slow);
            slow.start(T0);
            Mission late = Mission.submit("o-deadline", "overdue-robot-2", tree(), Duration.ofHours(1), T0.plusSeconds(60), null, T0);
            missions.add(late);
            late.start(T0);
            Mission fine = Mission.submit("o-fine", "overdue-robot-3", tree(), Duration.ofHours(1), null, null, T0);
            missions.add(fine);
            fine.start(T0);
        });
        List<MissionRepository.Assignment> at45 = fetch(em -> new MissionRepository(em).overdue(T0.plusSeconds(45), 10));
        assertThat(at45).contains(new MissionRepository.Assignment("o-timeout", "overdue-robot-1"))
                .extracting(MissionRepository.Assignment::mission).doesNotContain("o-deadline", "o-fine");
        List<MissionRepository.Assignment> at90 = fetch(em -> new MissionRepository(em).overdue(T0.plusSeconds(90), 10));
        assertThat(at90).extracting(MissionRepository.Assignment::mission).contains("o-timeout", "o-deadline").doesNotContain("o-fine");
        // the check made again once the mission is locked agrees with the query
        for (String name : List.of("o-timeout", "o-deadline", "o-fine")) {
            Mission mission = fetch(em -> new MissionRepository(em).find(name).orElseThrow());
            assertThat(mission.isOverdue(T0.plusSeconds(45))).as(name + " at 45 s").isEqualTo(name.equals("o-timeout"));
            assertThat(mission.isOverdue(T0.plusSeconds(90))).as(name + " at 90 s").isEqualTo(!name.equals("o-fine"));
        }
    }

    @Test
    void aMissionIsLockedOnlyWhileAssignedToTheRobotTheCallerLocked() {
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            missions.add(Mission.submit("as-mine", "as-robot", tree(), null, null, null, T0));
            missions.add(Mission.submit("as-anyone", null, tree(), null, null, null, T0));
        });
        assertThat(assignment("as-mine"))
                .contains(new MissionRepository.Assignment("as-mine", "as-robot"));
        assertThat(assignment("as-anyone"))
                .contains(new MissionRepository.Assignment("as-anyone", null));
        assertThat(assignment("as-nothing")).isEmpty();

        assertThat(lockIfAssigned("as-mine", "as-robot")).isPresent();
        assertThat(lockIfAssigned("as-mine", "as-other")).isEmpty();
        assertThat(lockIfAssigned("as-mine", null)).isEmpty();
        assertThat(lockIfAssigned("as-anyone", null)).isPresent();
    }

    @Test
    void aMissionAssignedWhileWaitedForIsLeftUnlocked() throws Exception {
        inTransaction(em -> new MissionRepository(em).add(Mission.submit("aw-1", null, tree(), null, null, null, T0)));
        EntityManager assigner = factory.createEntityManager();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            assigner.getTransaction().begin();
            new MissionRepository(assigner).lock("aw-1").orElseThrow().assignTo("aw-robot");
            assigner.flush();
            Future<Optional<Mission>> locked = waiter.submit(() -> lockIfAssigned("aw-1", null));
            awaitALockWait();
            assigner.getTransaction().commit();

            assertThat(locked.get(10, TimeUnit.SECONDS)).as("no longer unassigned").isEmpty();
            assertThat(assignment("aw-1"))
                    .contains(new MissionRepository.Assignment("aw-1", "aw-robot"));
            assertThat(lockIfAssigned("aw-1", "aw-robot")).isPresent();
        } finally {
            if (assigner.getTransaction().isActive()) {
                assigner.getTransaction().rollback();
            }
            assigner.close();
            waiter.shutdownNow();
        }
    }

    @Test
    void runningMissionsAreFoundWithAndWithoutAnOrderOut() {
        inTransaction(em -> {
            MissionRepository missions = new MissionRepository(em);
            Mission driving = Mission.submit("w-driving", "without-robot-1", tree(), null, null, null, T0);
            missions.add(driving);
            driving.start(T0);
            driving.orderSent(0, "w-driving-0", 0, "{}".getBytes());
            Mission waiting = Mission.submit("w-waiting", "without-robot-2", tree(), null, null, null, T0);
            missions.add(waiting);
            waiting.start(T0);
            missions.add(Mission.submit("w-queued", "without-robot-3", tree(), null, null, null, T0));
        });
        List<String> without = fetch(em -> new MissionRepository(em).runningWithoutOrders().stream()
                .map(Mission::name).filter(n -> n.startsWith("w-")).toList());
        assertThat(without).containsExactly("w-waiting");
        List<String> with = fetch(em -> new MissionRepository(em).runningWithOrders().stream()
                .map(Mission::name).filter(n -> n.startsWith("w-")).toList());
        assertThat(with).containsExactly("w-driving");
    }

    @Test
    void aRouteUpdateOfARunningNodeIsReported() {
        inTransaction(em -> {
            Mission m = Mission.submit("upd-1", "upd-robot", tree(), null, null, null, T0);
            new MissionRepository(em).add(m);
            m.start(T0);
        });
        inTransaction(em -> {
            Mission m = new MissionRepository(em).lock("upd-1").orElseThrow();
            assertThat(m.updateRoutes(Map.of("drive", new NodeSpecs.Route(List.of(Waypoint.at(9, 9, 0, "hall")))), "client-b"))
                    .containsExactly("drive");
        });
        List<Waypoint> route = fetch(em -> new MissionRepository(em).find("upd-1").orElseThrow().tree().node(0).route().waypoints());
        assertThat(route).containsExactly(Waypoint.at(9, 9, 0, "hall"));
    }

    @Test
    void theNearestIdleRobotOnTheMissionsMapIsChosen() {
        inTransaction(em -> {
            RobotRepository robots = new RobotRepository(em);
            for (Object[] r : new Object[][] {{"near-far", 10.0, "floor-9"}, {"near-close", 2.0, "floor-9"}, {"near-other-map", 0.0, "floor-8"}}) {
                Robot robot = Robot.register((String) r[0], null, null, T0);
                robots.add(robot);
                robot.report(new org.fleetdispatch.robot.RobotReport(T0, 50, false,
                        new org.fleetdispatch.robot.Pose2D((Double) r[1], 0, 0, (String) r[2]), true, false, null, null, "RobotCompany", (String) r[0]));
            }
        });
        java.util.Optional<String> chosen = fetch(em -> new RobotRepository(em)
                .lockAvailable(new org.fleetdispatch.robot.Pose2D(1, 0, 0, "floor-9")).map(Robot::name));
        assertThat(chosen).contains("near-close");
        java.util.Optional<String> nowhere = fetch(em -> new RobotRepository(em)
                .lockAvailable(new org.fleetdispatch.robot.Pose2D(1, 0, 0, "floor-0")).map(Robot::name));
        assertThat(nowhere).isEmpty();
    }

    @Test
    void anIdleOnlineRobotIsAvailableForAssignment() {
        inTransaction(em -> {
            RobotRepository robots = new RobotRepository(em);
            Robot idle = Robot.register("avail-1", null, null, T0);
            robots.add(idle);
            idle.report(new org.fleetdispatch.robot.RobotReport(T0, 50, false, org.fleetdispatch.robot.Pose2D.origin(), true, false,
                    null, null, "RobotCompany", "avail-1"));
            Robot offline = Robot.register("avail-0", null, null, T0.minusSeconds(5));
            robots.add(offline);
        });
        java.util.Optional<String> chosen = fetch(em -> new RobotRepository(em).lockAvailable(null).map(Robot::name));
        assertThat(chosen).contains("avail-1");
    }
}
