package org.fleetdispatch.mission.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MissionTreeTest {

    private static final Waypoint A = Waypoint.at(1, 2, 0, "map");

    @Test
    void unnamedNodesAreNamedByIndexAndHangFromRoot() {
        MissionTree tree = MissionTree.of(List.of(
                new MissionNode(null, null, new NodeSpecs.Route(List.of(A)), null, null, null, null, null, null),
                MissionNode.sequence("pick-and-place", null),
                MissionNode.action(null, "pick-and-place", "pick", Map.of())));
        assertThat(tree.nodes()).extracting(MissionNode::name).containsExactly("0", "pick-and-place", "2");
        assertThat(tree.nodes()).extracting(MissionNode::parent).containsExactly("root", "root", "pick-and-place");
        assertThat(tree.childrenOf("root")).containsExactly(0, 1);
        assertThat(tree.childrenOf("pick-and-place")).containsExactly(2);
    }

    @Test
    void anEmptyTreeIsRefused() {
        assertThatThrownBy(() -> MissionTree.of(List.of())).hasMessage("mission_tree must have at least one node");
    }

    @Test
    void duplicateNamesNameBothPlaces() {
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.route("a", null, A), MissionNode.route("a", null, A))))
                .isInstanceOf(InvalidMissionException.class)
                .hasMessage("mission_tree[1] ('a'): the name 'a' is already used by mission_tree[0]; node names must be unique");
    }

    @Test
    void rootIsReserved() {
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.route("root", null, A))))
                .hasMessageContaining("the name 'root' is reserved");
    }

    @Test
    void aParentMustAppearEarlierAndBeAControlNode() {
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.route("a", "later", A), MissionNode.sequence("later", null))))
                .hasMessage("mission_tree[0] ('a'): parent 'later' does not appear before it in mission_tree");
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.route("a", null, A), MissionNode.route("b", "a", A))))
                .hasMessage("mission_tree[1] ('b'): parent 'a' is a route node; only sequence and selector nodes have children");
    }

    @Test
    void exactlyOneBehaviour() {
        assertThatThrownBy(() -> MissionTree.of(List.of(new MissionNode("x", null, null, null, null, null, null, null, null))))
                .hasMessageContaining("mission_tree[0] ('x'): exactly one of route, move, action, notify, constant, sequence, selector must be set, but none is");
        assertThatThrownBy(() -> MissionTree.of(List.of(new MissionNode("x", null, new NodeSpecs.Route(List.of(A)),
                new NodeSpecs.Move(1.0, null), null, null, null, null, null))))
                .hasMessageContaining("but [route, move] are");
    }

    @Test
    void behaviourFieldsAreChecked() {
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.route("r", null))))
                .hasMessage("mission_tree[0] ('r'): route.waypoints must have at least one waypoint");
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.move("m", null, 1.0, 0.5))))
                .hasMessage("mission_tree[0] ('m'): move must set exactly one of distance and rotation");
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.action("a", null, " ", Map.of()))))
                .hasMessage("mission_tree[0] ('a'): action.action_type must not be empty");
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.notify("n", null, "ftp://x", Map.of(), 3))))
                .hasMessageContaining("notify.url must be an absolute http or https URL");
        assertThatThrownBy(() -> MissionTree.of(List.of(MissionNode.route("r", null, Waypoint.at(Double.NaN, 0, 0, "")))))
                .hasMessageContaining("route.waypoints[0] has a coordinate that is not a finite number");
    }

    @Test
    void hyphenatedAndOddNamesAreFine() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.sequence("drive-to-dock_1.a", null),
                MissionNode.route("leg 1 → dock", "drive-to-dock_1.a", A)));
        assertThat(tree.indexOf("leg 1 → dock")).isEqualTo(1);
    }

    @Test
    void aRouteCanBeReplacedButNothingElse() {
        MissionTree tree = MissionTree.of(List.of(MissionNode.route("r", null, A), MissionNode.action("a", null, "pick", Map.of())));
        Waypoint b = Waypoint.at(5, 5, 0, "map");
        assertThat(tree.withRoute("r", new NodeSpecs.Route(List.of(b))).node(0).route().waypoints()).containsExactly(b);
        assertThatThrownBy(() -> tree.withRoute("a", new NodeSpecs.Route(List.of(b))))
                .hasMessage("update_nodes: node 'a' is a action node; only route nodes can be updated");
        assertThatThrownBy(() -> tree.withRoute("zz", new NodeSpecs.Route(List.of(b))))
                .hasMessage("update_nodes: no node named 'zz'");
    }
}
