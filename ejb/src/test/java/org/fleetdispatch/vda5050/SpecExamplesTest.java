package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Realistic messages written after the specification's text and figures decode to what they say. */
class SpecExamplesTest {

    private static final Vda5050Codec CODEC = new Vda5050Codec();

    @AfterAll
    static void close() {
        CODEC.close();
    }

    @Test
    void orderOfFigure5() {
        Order order = CODEC.decode(Resources.bytes("examples/order-figure5.json"), Order.class);
        assertThat(order.orderId()).isEqualTo("1234");
        assertThat(order.timestamp()).isEqualTo(Instant.parse("2017-04-15T11:40:03.120Z"));
        assertThat(order.nodes()).extracting(Node::nodeId).containsExactly("6", "4", "7", "2", "8");
        assertThat(order.nodes()).extracting(Node::released).containsExactly(true, true, true, false, false);
        assertThat(order.edges()).extracting(Edge::sequenceId).containsExactly(1L, 3L, 5L, 7L);
        assertThat(order.edges().get(1).orientationType()).isEqualTo(OrientationType.GLOBAL);
        Action pick = order.nodes().get(2).actions().get(0);
        assertThat(pick.blockingType()).isEqualTo(BlockingType.HARD);
        assertThat(pick.parameter("stationType")).get().extracting(p -> ((JsonString) p.value()).getString())
                .isEqualTo("floor");
        assertThat(pick.parameter("height")).get().extracting(p -> ((JsonNumber) p.value()).doubleValue())
                .isEqualTo(0.0);
        assertThat(order.nodes().get(0).nodePosition().allowedDeviationXY()).isEqualTo(0.5);
        assertThat(order.nodes().get(1).nodePosition().theta()).isNull();
    }

    @Test
    void orderUpdateOfFigure6StartsAtTheLastBaseNode() {
        Order first = CODEC.decode(Resources.bytes("examples/order-figure5.json"), Order.class);
        Order update = CODEC.decode(Resources.bytes("examples/order-update-figure6.json"), Order.class);
        Node lastBase = first.nodes().stream().filter(Node::released).reduce((a, b) -> b).orElseThrow();
        assertThat(update.orderId()).isEqualTo(first.orderId());
        assertThat(update.orderUpdateId()).isGreaterThan(first.orderUpdateId());
        assertThat(update.nodes().get(0).nodeId()).isEqualTo(lastBase.nodeId());
        assertThat(update.nodes().get(0).sequenceId()).isEqualTo(lastBase.sequenceId());
        Trajectory t = update.edges().get(2).trajectory();
        assertThat(t.degree()).isEqualTo(1.0);
        assertThat(t.controlPoints()).hasSize(2);
        assertThat(t.controlPoints().get(0).weight()).isNull();
    }

    @Test
    void instantActions() {
        InstantActions ia = CODEC.decode(Resources.bytes("examples/instantActions-cancelOrder.json"),
                InstantActions.class);
        assertThat(ia.actions()).extracting(Action::actionType)
                .containsExactly("cancelOrder", "factsheetRequest", "initPosition");
        assertThat(ia.actions().get(0).actionParameters()).isNull();
        assertThat(ia.actions().get(1).actionParameters()).isEmpty();
        assertThat(ia.actions().get(2).parameter("y")).get()
                .extracting(p -> ((JsonNumber) p.value()).intValue()).isEqualTo(-2);
    }

    @Test
    void stateWhileDriving() {
        State s = CODEC.decode(Resources.bytes("examples/state-driving.json"), State.class);
        assertThat(s.lastNodeId()).isEqualTo("4");
        assertThat(s.lastNodeSequenceId()).isEqualTo(2);
        assertThat(s.nodeStates()).extracting(NodeState::nodeId).containsExactly("7", "2", "8");
        assertThat(s.edgeStates()).extracting(EdgeState::released).containsExactly(true, false, false);
        assertThat(s.agvPosition().positionInitialized()).isTrue();
        assertThat(s.loads()).isEmpty();
        assertThat(s.driving()).isTrue();
        assertThat(s.actionStates().get(0).actionStatus()).isEqualTo(ActionStatus.WAITING);
        assertThat(s.batteryState().batteryCharge()).isEqualTo(80.0);
        assertThat(s.batteryState().batteryHealth()).isEqualTo(98);
        assertThat(s.batteryState().reach()).isEqualTo(15000.0);
        assertThat(s.information()).extracting(Info::infoLevel).containsExactly(InfoLevel.INFO);
        assertThat(s.maps()).isNull();
        assertThat(s.zoneSetId()).isNull();
    }

    @Test
    void stateWithFatalErrorReferencingNodeAndAction() {
        State s = CODEC.decode(Resources.bytes("examples/state-failed-fatal.json"), State.class);
        assertThat(s.timestamp()).isEqualTo(Instant.parse("2017-04-15T09:41:05Z"));
        AgvError e = s.errors().get(0);
        assertThat(e.errorLevel()).isEqualTo(ErrorLevel.FATAL);
        assertThat(e.reference("nodeId")).contains("7");
        assertThat(e.reference("actionId")).contains("pick-7");
        assertThat(e.reference("edgeId")).isEmpty();
        assertThat(s.actionStates().get(0).actionStatus()).isEqualTo(ActionStatus.FAILED);
        assertThat(s.safetyState()).isEqualTo(new SafetyState(EStop.AUTOACK, true));
        assertThat(s.agvPosition()).isNull();
        assertThat(s.loads()).isNull();
    }

    @Test
    void stateFrom21WithMapsErrorHintAndUnknownFieldsIsAccepted() {
        State s = CODEC.decode(Resources.bytes("examples/state-2.1.json"), State.class);
        assertThat(s.version()).isEqualTo("2.1.0");
        assertThat(s.orderId()).isEmpty();
        assertThat(s.maps()).extracting(AgvMap::mapStatus).containsExactly(MapStatus.ENABLED, MapStatus.DISABLED);
        assertThat(s.errors().get(0).errorHint()).isEqualTo("send an order first");
        assertThat(s.operatingMode()).isEqualTo(OperatingMode.SEMIAUTOMATIC);
    }

    @Test
    void connectionBroken() {
        Connection c = CODEC.decode(Resources.bytes("examples/connection-broken.json"), Connection.class);
        assertThat(c.connectionState()).isEqualTo(ConnectionState.CONNECTIONBROKEN);
        assertThat(c.headerId()).isZero();
    }

    @Test
    void visualization() {
        Visualization v = CODEC.decode(Resources.bytes("examples/visualization.json"), Visualization.class);
        assertThat(v.agvPosition().theta()).isEqualTo(-3.14159);
        assertThat(v.velocity()).isEqualTo(new Velocity(0.8, null, -0.1));
    }

    @Test
    void factsheetWithBlockingTypesAndDottedArrayLimits() {
        Factsheet f = CODEC.decode(Resources.bytes("examples/factsheet.json"), Factsheet.class);
        assertThat(f.typeSpecification().agvClass()).isEqualTo(Factsheet.AgvClass.CARRIER);
        assertThat(f.physicalParameters().speedMax()).isEqualTo(1.5);
        assertThat(f.protocolLimits().maxArrayLens().orderNodes()).isEqualTo(200L);
        assertThat(f.protocolLimits().maxArrayLens().stateActionStates()).isEqualTo(100L);
        assertThat(f.protocolLimits().maxArrayLens().stateLoads()).isNull();
        assertThat(f.protocolFeatures().agvActions().get(0).blockingTypes()).containsExactly(BlockingType.HARD);
        assertThat(f.protocolFeatures().agvActions().get(1).actionParameters().get(1).isOptional()).isTrue();
        assertThat(f.agvGeometry().wheelDefinitions().get(0).isActiveDriven()).isTrue();
        assertThat(f.localizationParameters()).isEmpty();
    }

    @Test
    void decodingByTopicGivesTheTopicsType() {
        assertThat(CODEC.decode(Topic.STATE, Resources.bytes("examples/state-driving.json")))
                .isInstanceOf(State.class);
        assertThat(CODEC.decode(Topic.CONNECTION, Resources.bytes("examples/connection-broken.json")))
                .isInstanceOf(Connection.class);
    }
}
