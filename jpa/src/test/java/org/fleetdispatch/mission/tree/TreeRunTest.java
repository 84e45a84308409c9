package org.fleetdispatch.mission.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TreeRunTest {

    private static final Waypoint P = Waypoint.at(0, 0, 0, "m");

    /** Runs the tree, finishing each started leaf with the outcome the test chooses, and records the leaves run. */
    private static List<Integer> run(MissionTree tree, TreeRun run, java.util.function.IntPredicate succeeds) {
        List<Integer> ran = new ArrayList<>();
        TreeRun.Outcome outcome = run.tick();
        while (outcome.missionState() == MissionState.RUNNING) {
            assertThat(outcome.startedLeaf()).isTrue();
            ran.add(outcome.runningLeaf());
            run.finishLeaf(outcome.runningLeaf(), succeeds.test(outcome.runningLeaf()), "robot said no");
            outcome = run.tick();
        }
        return ran;
    }

    @Test
    void aFlatTreeRunsEveryLeafInOrder() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.route("r1", null, P), MissionNode.action("a1", null, "pick", Map.of()),
                MissionNode.action("a2", null, "drop", Map.of()), MissionNode.route("r2", null, P)));
        TreeRun run = new TreeRun(tree, null);
        assertThat(run(tree, run, i -> true)).containsExactly(0, 1, 2, 3);
        assertThat(run.tick().missionState()).isEqualTo(MissionState.COMPLETED);
        assertThat(run.statuses().values()).extracting(NodeStatus::state).containsOnly(MissionState.COMPLETED);
    }

    @Test
    void aFailingActionFailsTheSequenceAndNamesTheNode() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.route("r1", null, P), MissionNode.action("lift", null, "lift", Map.of()),
                MissionNode.route("r2", null, P)));
        TreeRun run = new TreeRun(tree, null);
        assertThat(run(tree, run, i -> i != 1)).containsExactly(0, 1);
        TreeRun.Outcome end = run.tick();
        assertThat(end.missionState()).isEqualTo(MissionState.FAILED);
        assertThat(end.failureReason()).isEqualTo("Node 'lift' (action) failed: robot said no");
        assertThat(run.status("r2").state()).isEqualTo(MissionState.PENDING);
        assertThat(run.status("root").state()).isEqualTo(MissionState.FAILED);
    }

    @Test
    void aSelectorRecoversFromAFailingChild() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.selector("try", null), MissionNode.action("fragile", "try", "x", Map.of()),
                MissionNode.route("fallback", "try", P), MissionNode.route("after", null, P)));
        TreeRun run = new TreeRun(tree, null);
        assertThat(run(tree, run, i -> i != 1)).containsExactly(1, 2, 3);
        assertThat(run.tick().missionState()).isEqualTo(MissionState.COMPLETED);
        assertThat(run.status("fragile").state()).isEqualTo(MissionState.FAILED);
        assertThat(run.status("try").state()).isEqualTo(MissionState.COMPLETED);
    }

    @Test
    void aSelectorStopsAtTheFirstSuccess() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.selector("try", null), MissionNode.route("first", "try", P),
                MissionNode.route("second", "try", P)));
        TreeRun run = new TreeRun(tree, null);
        assertThat(run(tree, run, i -> true)).containsExactly(1);
        assertThat(run.status("second").state()).isEqualTo(MissionState.PENDING);
    }

    @Test
    void aSelectorWhoseChildrenAllFailFails() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.selector("try", null), MissionNode.route("a", "try", P),
                MissionNode.route("b", "try", P)));
        TreeRun run = new TreeRun(tree, null);
        assertThat(run(tree, run, i -> false)).containsExactly(1, 2);
        assertThat(run.tick().failureReason()).isEqualTo("Node 'b' (route) failed: robot said no");
    }

    @Test
    void aThreeLayerTreeRunsLeavesInDepthFirstOrder() {
        // current_node over time: 0, 2, 4, 5, 6
        MissionTree tree = MissionTree.of(List.of(
                MissionNode.route("0", null, P),
                MissionNode.sequence("1", null),
                MissionNode.route("2", "1", P),
                MissionNode.selector("3", "1"),
                MissionNode.action("4", "3", "fails", Map.of()),
                MissionNode.route("5", "3", P),
                MissionNode.route("6", null, P)));
        TreeRun run = new TreeRun(tree, null);
        assertThat(run(tree, run, i -> i != 4)).containsExactly(0, 2, 4, 5, 6);
        assertThat(run.tick().missionState()).isEqualTo(MissionState.COMPLETED);
    }

    @Test
    void constantsResolveWithinTheTick() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.constant("ok", null, true), MissionNode.route("r", null, P)));
        TreeRun run = new TreeRun(tree, null);
        TreeRun.Outcome first = run.tick();
        assertThat(first.runningLeaf()).isEqualTo(1);
        assertThat(run.status("ok").state()).isEqualTo(MissionState.COMPLETED);

        MissionTree failing = MissionTree.of(List.of(MissionNode.sequence("s", null), MissionNode.constant("no", "s", false),
                MissionNode.route("never", "s", P)));
        TreeRun failingRun = new TreeRun(failing, null);
        TreeRun.Outcome end = failingRun.tick();
        assertThat(end.missionState()).isEqualTo(MissionState.FAILED);
        assertThat(end.failureReason()).isEqualTo("Node 'no' (constant) failed: constant node 'no' is false");
        assertThat(failingRun.status("s").errorMsg()).isEqualTo("child 'no' failed");
        assertThat(failingRun.status("never").state()).isEqualTo(MissionState.PENDING);
    }

    @Test
    void aRunResumesFromStoredStatuses() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.route("a", null, P), MissionNode.route("b", null, P)));
        TreeRun first = new TreeRun(tree, null);
        first.tick();
        first.finishLeaf(0, true, null);
        first.tick();
        // as if reloaded from the database mid-mission: b is running, nothing new starts
        TreeRun resumed = new TreeRun(tree, first.statuses());
        TreeRun.Outcome outcome = resumed.tick();
        assertThat(outcome.runningLeaf()).isEqualTo(1);
        assertThat(outcome.startedLeaf()).isFalse();
    }

    @Test
    void cancelStopsTheRunningLeafAndTheMission() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.sequence("s", null), MissionNode.route("a", "s", P)));
        TreeRun run = new TreeRun(tree, null);
        run.tick();
        run.cancel("canceled by user");
        assertThat(run.status("a")).isEqualTo(new NodeStatus(MissionState.CANCELED, "canceled by user"));
        assertThat(run.status("s").state()).isEqualTo(MissionState.CANCELED);
        assertThat(run.tick().missionState()).isEqualTo(MissionState.CANCELED);
    }

    @Test
    void onlyARunningLeafCanFinish() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.route("a", null, P)));
        TreeRun run = new TreeRun(tree, null);
        assertThatThrownBy(() -> run.finishLeaf(0, true, null)).hasMessage("node 'a' is PENDING, not RUNNING");
    }
}
