package org.fleetdispatch.mission.tree;

/** The behaviours a node can have, named as the JSON field that selects them. */
public enum NodeType {
    ROUTE("route", true),
    MOVE("move", true),
    ACTION("action", true),
    NOTIFY("notify", false),
    CONSTANT("constant", false),
    SEQUENCE("sequence", false),
    SELECTOR("selector", false);

    private final String field;
    private final boolean robotLeaf;

    NodeType(String field, boolean robotLeaf) {
        this.field = field;
        this.robotLeaf = robotLeaf;
    }

    /** The JSON field that selects this behaviour. */
    public String field() {
        return field;
    }

    /** Whether the robot executes it (as a VDA 5050 order). */
    public boolean isRobotLeaf() {
        return robotLeaf;
    }

    public boolean isControl() {
        return this == SEQUENCE || this == SELECTOR;
    }
}
