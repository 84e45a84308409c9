package org.fleetdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.Waypoint;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.ActionStatus;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Edge;
import org.fleetdispatch.vda5050.ErrorLevel;
import org.fleetdispatch.vda5050.ErrorReference;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.Vda5050Codec;
import org.junit.jupiter.api.Test;

class OrdersTest {

    private static final Header H = new Header(7, Instant.parse("2026-11-22T12:00:00Z"), "2.0.0", "RobotCompany", "agv-1");
    private static final Pose2D HERE = new Pose2D(1, 1, 0, "hall");
    private final Vda5050Codec codec = new Vda5050Codec();

    @Test
    void aRouteStartsAtTheRobotAndAlternatesEvenNodesAndOddEdges() {
        Order order = Orders.forLeaf(H, "m-0-x", MissionNode.route("r", null,
                new Waypoint(2, 1, 0, "hall", 0.0, 0.0), new Waypoint(3, 2, 1.5, "hall", 0.2, 0.1)), HERE);
        assertThat(order.nodes()).extracting(Node::nodeId).containsExactly("start", "wp-1", "wp-2");
        assertThat(order.nodes()).extracting(Node::sequenceId).containsExactly(0L, 2L, 4L);
        assertThat(order.edges()).extracting(Edge::sequenceId).containsExactly(1L, 3L);
        assertThat(order.edges()).extracting(e -> e.startNodeId() + ">" + e.endNodeId()).containsExactly("start>wp-1", "wp-1>wp-2");
        assertThat(order.nodes()).allMatch(Node::released);
        assertThat(order.nodes().get(2).nodePosition().allowedDeviationXY()).isEqualTo(0.2);
        assertThat(order.nodes().get(0).nodePosition().x()).isEqualTo(1);
        codec.encode(order); // valid against the official schema
    }

    @Test
    void aMoveGoesAlongTheHeadingOrTurnsInPlace() {
        Pose2D facingUp = new Pose2D(1, 1, Math.PI / 2, "hall");
        Order ahead = Orders.forLeaf(H, "m-1", MissionNode.move("m", null, 2.0, null), facingUp);
        assertThat(ahead.nodes().get(1).nodePosition().x()).isCloseTo(1, within(1e-9));
        assertThat(ahead.nodes().get(1).nodePosition().y()).isCloseTo(3, within(1e-9));
        Order turn = Orders.forLeaf(H, "m-2", MissionNode.move("t", null, null, Math.PI), facingUp);
        assertThat(turn.nodes().get(1).nodePosition().theta()).isCloseTo(-Math.PI / 2, within(1e-9));
        assertThat(turn.nodes().get(1).nodePosition().x()).isEqualTo(1);
        codec.encode(ahead);
        codec.encode(turn);
    }

    @Test
    void anActionIsOneHardBlockingNodeWithItsParameters() {
        Order order = Orders.forLeaf(H, "m-3", MissionNode.action("a", null, "pick", Map.of("height", 0.5, "rfid", "tag-1")), HERE);
        assertThat(order.nodes()).hasSize(1);
        assertThat(order.edges()).isEmpty();
        var action = order.nodes().get(0).actions().get(0);
        assertThat(action.actionType()).isEqualTo("pick");
        assertThat(action.blockingType()).isEqualTo(BlockingType.HARD);
        assertThat(action.actionParameters()).extracting(p -> p.key() + "=" + p.value()).contains("height=0.5", "rfid=\"tag-1\"");
        codec.encode(order);
    }

    @Test
    void aRouteUpdateStitchesAtTheLastBaseNode() {
        Order first = Orders.forLeaf(H, "m-4", MissionNode.route("r", null, Waypoint.at(2, 1, 0, "hall"), Waypoint.at(3, 1, 0, "hall")), HERE);
        Order update = Orders.routeUpdate(H, first, List.of(Waypoint.at(4, 1, 0, "hall")));
        assertThat(update.orderId()).isEqualTo("m-4");
        assertThat(update.orderUpdateId()).isEqualTo(1);
        assertThat(update.nodes()).extracting(n -> n.nodeId() + "@" + n.sequenceId()).containsExactly("wp-2@4", "wp-3@6");
        assertThat(update.edges()).extracting(e -> e.startNodeId() + ">" + e.endNodeId() + "@" + e.sequenceId()).containsExactly("wp-2>wp-3@5");
        Order again = Orders.routeUpdate(H, update, List.of(Waypoint.at(5, 1, 0, "hall")));
        assertThat(again.orderUpdateId()).isEqualTo(2);
        assertThat(again.nodes()).extracting(n -> n.nodeId() + "@" + n.sequenceId()).containsExactly("wp-3@6", "wp-4@8");
        codec.encode(again);
    }
}
