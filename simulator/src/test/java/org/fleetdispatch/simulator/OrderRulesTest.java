package org.fleetdispatch.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.fleetdispatch.vda5050.Edge;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.Node;
import org.fleetdispatch.vda5050.NodePosition;
import org.fleetdispatch.vda5050.Order;
import org.junit.jupiter.api.Test;

class OrderRulesTest {

    private static final Header H = new Header(0, Instant.EPOCH, "2.0.0", "m", "s");

    private static Node node(String id, long seq, boolean released) {
        return new Node(id, seq, null, released, NodePosition.of(seq, 0, "map"), List.of());
    }

    private static Edge edge(String from, String to, long seq, boolean released) {
        return Edge.of("e" + seq, seq, released, from, to, List.of());
    }

    private static Order order(List<Node> nodes, List<Edge> edges) {
        return Order.of(H, "o", 0, null, nodes, edges);
    }

    @Test
    void aValidOrderWithAHorizon() {
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true), node("b", 2, true), node("c", 4, false)),
                List.of(edge("a", "b", 1, true), edge("b", "c", 3, false))))).isEmpty();
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true)), List.of()))).isEmpty();
    }

    @Test
    void graphProblems() {
        assertThat(OrderRules.problem(order(List.of(), List.of()))).contains("an order needs at least one node");
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true), node("b", 2, true)), List.of())))
                .hasValueSatisfying(p -> assertThat(p).contains("needs 1 edges, found 0"));
        assertThat(OrderRules.problem(order(List.of(node("a", 0, false)), List.of())))
                .hasValueSatisfying(p -> assertThat(p).contains("first node a must be released"));
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true), node("b", 2, true)),
                List.of(edge("b", "a", 1, true))))).hasValueSatisfying(p -> assertThat(p).contains("must connect a"));
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true), node("b", 1, true)),
                List.of(edge("a", "b", 1, true))))).hasValueSatisfying(p -> assertThat(p).contains("sequenceIds"));
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true), node("b", 2, false), node("c", 4, true)),
                List.of(edge("a", "b", 1, false), edge("b", "c", 3, false)))))
                .hasValueSatisfying(p -> assertThat(p).contains("node c is released after"));
        assertThat(OrderRules.problem(order(List.of(node("a", 0, true), node("b", 2, false)),
                List.of(edge("a", "b", 1, true))))).hasValueSatisfying(p -> assertThat(p)
                .contains("edge e1 is released but one of its nodes is not"));
        Node noPosition = new Node("x", 0, null, true, null, List.of());
        assertThat(OrderRules.problem(order(List.of(noPosition), List.of())))
                .hasValueSatisfying(p -> assertThat(p).contains("no nodePosition"));
    }
}
