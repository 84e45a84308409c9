package org.fleetdispatch.vda5050;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The six VDA 5050 subtopics (section 6.5) with the MQTT quality of service and retain flag each is sent with.
 *
 * <ul>
 *   <li>QoS: section 6.2 says QoS 0 for {@code order}, {@code state}, {@code factsheet} and {@code visualization}
 *   and QoS 1 for {@code connection} (repeated in 6.14). It names no level for {@code instantActions}; we use 0
 *   like {@code order}, its sibling from master control, and rely on the master re-sending until the state
 *   reflects the action (ADR 0061).</li>
 *   <li>Retain: "All messages on this topic shall be sent with a retained flag" for {@code connection} (6.14) and
 *   {@code factsheet} (6.16); nothing is said for the others, which are therefore not retained.</li>
 * </ul>
 */
public enum Topic {
    ORDER("order", Order.class, 0, false, Direction.MASTER_TO_AGV),
    INSTANT_ACTIONS("instantActions", InstantActions.class, 0, false, Direction.MASTER_TO_AGV),
    STATE("state", State.class, 0, false, Direction.AGV_TO_MASTER),
    VISUALIZATION("visualization", Visualization.class, 0, false, Direction.AGV_TO_MASTER),
    CONNECTION("connection", Connection.class, 1, true, Direction.AGV_TO_MASTER),
    FACTSHEET("factsheet", Factsheet.class, 0, true, Direction.AGV_TO_MASTER);

    /** Who publishes a topic. */
    public enum Direction { MASTER_TO_AGV, AGV_TO_MASTER }

    private static final Map<String, Topic> BY_LEVEL =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Topic::level, Function.identity()));

    private final String level;
    private final Class<? extends Vda5050Message> messageType;
    private final int qos;
    private final boolean retained;
    private final Direction direction;

    Topic(String level, Class<? extends Vda5050Message> messageType, int qos, boolean retained,
          Direction direction) {
        this.level = level;
        this.messageType = messageType;
        this.qos = qos;
        this.retained = retained;
        this.direction = direction;
    }

    /** The topic level as spelled on the wire, e.g. {@code instantActions}. */
    public String level() {
        return level;
    }

    public Class<? extends Vda5050Message> messageType() {
        return messageType;
    }

    /** MQTT quality of service to publish (and subscribe) with. */
    public int qos() {
        return qos;
    }

    /** Whether messages on this topic are published with the retain flag. */
    public boolean retained() {
        return retained;
    }

    public Direction direction() {
        return direction;
    }

    /** The topic whose level is exactly {@code level} (case-sensitive), or an exception naming the known ones. */
    public static Topic ofLevel(String level) {
        Topic topic = BY_LEVEL.get(level);
        if (topic == null) {
            throw new IllegalArgumentException("unknown VDA 5050 topic '" + level + "'; expected one of "
                    + Arrays.stream(values()).map(Topic::level).collect(Collectors.joining(", ")));
        }
        return topic;
    }

    @Override
    public String toString() {
        return level;
    }
}
