package org.fleetdispatch.vda5050;

import jakarta.json.Json;
import java.time.Instant;
import java.util.List;

/** Realistic messages with every optional field set, for round trips. */
final class Samples {

    static final Instant T = Instant.parse("2026-03-01T10:15:30.120Z");

    private Samples() {
    }

    static Header header(long id) {
        return new Header(id, T, "2.0.0", "RobotCompany", "agv-001");
    }

    static Action pick() {
        return new Action("pick", "pick-7", "pick the pallet", BlockingType.HARD, List.of(
                ActionParameter.of("stationType", "floor"),
                ActionParameter.of("loadType", "EPAL"),
                ActionParameter.of("height", 0.25),
                ActionParameter.of("automatic", true),
                new ActionParameter("limits", Json.createObjectBuilder().add("max", 3).build()),
                new ActionParameter("lhds", Json.createArrayBuilder().add("LHD1").add("LHD2").build())));
    }

    static Order order() {
        Node n0 = new Node("node6", 0, "start", true,
                new NodePosition(1.0, 2.0, 0.0, 0.5, 0.1, "map-1", "ground floor"), List.of());
        Node n2 = new Node("node4", 2, null, true, NodePosition.of(5.0, 2.0, "map-1"), List.of(pick()));
        Node n4 = new Node("node7", 4, null, false, NodePosition.of(5.0, 7.0, "map-1"), List.of());
        Edge e1 = new Edge("e1", 1, "first edge", true, "node6", "node4", 1.5, 2.0, 0.1, Math.PI / 2,
                OrientationType.TANGENTIAL, "straight", true, 0.5,
                new Trajectory(1.0, List.of(0.0, 0.0, 1.0, 1.0),
                        List.of(new ControlPoint(1.0, 2.0, 1.0), new ControlPoint(5.0, 2.0, null))),
                4.0, List.of(Action.of("beep", "beep-1", BlockingType.NONE)));
        Edge e3 = Edge.of("e3", 3, false, "node4", "node7", List.of());
        return Order.of(header(42), "order-1234", 0, "zones-a", List.of(n0, n2, n4), List.of(e1, e3));
    }

    static InstantActions instantActions() {
        return InstantActions.of(header(7), List.of(
                Action.of("cancelOrder", "cancel-1", BlockingType.HARD),
                new Action("initPosition", "init-1", null, BlockingType.HARD, List.of(
                        ActionParameter.of("x", 1.0), ActionParameter.of("y", 2.0),
                        ActionParameter.of("theta", 0.0), ActionParameter.of("mapId", "map-1"),
                        ActionParameter.of("lastNodeId", "node6")))));
    }

    static State state() {
        return new State(3, T, "2.0.0", "RobotCompany", "agv-001", "order-1234", 1, "zones-a", "node4", 2,
                List.of(new NodeState("node7", 4, "next", NodePosition.of(5.0, 7.0, "map-1"), true)),
                List.of(new EdgeState("e3", 3, "to node7", true, null)),
                new AgvPosition(5.0, 3.5, Math.PI / 2, "map-1", "ground floor", true, 0.9, 0.05),
                new Velocity(1.0, 0.0, 0.1),
                List.of(new Load("pallet-1", "EPAL", "front", new BoundingBoxReference(0.0, 0.0, 0.1, 0.0),
                        new LoadDimensions(1.2, 0.8, 1.0), 250.0)),
                true, false, false, 1.5,
                List.of(new ActionState("pick-7", "pick", null, ActionStatus.FINISHED, "picked pallet-1"),
                        new ActionState("beep-1", "beep", null, ActionStatus.RUNNING, null)),
                new BatteryState(87.5, 48.1, 95, false, 12000.0),
                OperatingMode.AUTOMATIC,
                List.of(new AgvError("lowBattery", List.of(new ErrorReference("batteryCharge", "18")),
                        "battery below 20 %", "charge soon", ErrorLevel.WARNING)),
                List.of(new Info("user_info", List.of(new InfoReference("orderId", "order-1234")), "hello",
                        InfoLevel.INFO)),
                new SafetyState(EStop.NONE, false),
                List.of(new AgvMap("map-1", "3", "ground floor", MapStatus.ENABLED)));
    }

    static Connection connection() {
        return Connection.of(header(1), ConnectionState.ONLINE);
    }

    static Visualization visualization() {
        return Visualization.of(header(99), AgvPosition.of(1.0, 2.0, -0.5, "map-1"), new Velocity(0.5, null, null));
    }

    static Factsheet factsheet() {
        return Factsheet.of(header(0),
                new Factsheet.TypeSpecification("Sim 2000", "simulated carrier", Factsheet.AgvKinematic.DIFF,
                        Factsheet.AgvClass.CARRIER, 500.0, List.of("NATURAL"), List.of("AUTONOMOUS")),
                new Factsheet.PhysicalParameters(0.01, 2.0, 0.5, 0.8, 0.3, 0.5, 0.8, 1.2),
                new Factsheet.ProtocolLimits(
                        new Factsheet.MaxStringLens(65536L, 64L, 64L, 64L, false, 32L, 64L),
                        new Factsheet.MaxArrayLens(1000L, 999L, 10L, 10L, 8L, 10L, 16L, 16L, 1000L, 999L, 1L, 100L,
                                50L, 50L, 10L, 10L),
                        new Factsheet.Timing(0.1, 0.01, 1.0, 0.1)),
                new Factsheet.ProtocolFeatures(
                        List.of(new Factsheet.OptionalParameter("order.edges.trajectory",
                                Factsheet.Support.SUPPORTED, "straight lines only")),
                        List.of(new Factsheet.AgvAction("pick", "pick a load",
                                List.of(Factsheet.ActionScope.NODE, Factsheet.ActionScope.EDGE),
                                List.of(new Factsheet.ActionParameterDefinition("stationType",
                                        Factsheet.ValueDataType.STRING, "kind of station", true)),
                                "the loadId", List.of(BlockingType.HARD, BlockingType.SOFT)))),
                new Factsheet.AgvGeometry(
                        List.of(new Factsheet.WheelDefinition(Factsheet.WheelType.DRIVE, true, false,
                                new Factsheet.WheelPosition(0.0, 0.3, 0.0), 0.2, 0.05, 0.0, "none")),
                        List.of(new Factsheet.Envelope2d("unloaded", List.of(new Factsheet.PolygonPoint(0.6, 0.4),
                                new Factsheet.PolygonPoint(-0.6, 0.4), new Factsheet.PolygonPoint(-0.6, -0.4)),
                                "outline")),
                        List.of(new Factsheet.Envelope3d("loaded", "DXF",
                                Json.createObjectBuilder().add("blob", "AAAA").build(), null, "3d outline"))),
                new Factsheet.LoadSpecification(List.of("front"), List.of(new Factsheet.LoadSet("DEFAULT", "EPAL",
                        List.of("front"), new BoundingBoxReference(0, 0, 0.1, null), new LoadDimensions(1.2, 0.8, null),
                        1000.0, 0.0, 0.2, null, null, null, null, 1.0, 0.3, 0.5, 5.0, 4.0, "pallets"))),
                Json.createObjectBuilder().add("type", "NATURAL").build());
    }
}
