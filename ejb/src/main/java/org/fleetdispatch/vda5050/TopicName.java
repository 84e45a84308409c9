package org.fleetdispatch.vda5050;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An MQTT topic name of the form {@code interfaceName/majorVersion/manufacturer/serialNumber/topic}
 * (section 6.3), e.g. {@code uagv/v2/RobotCompany/agv-001/state}.
 *
 * <p>No level may be empty or contain {@code /}, the MQTT wildcards {@code +} and {@code #}, or {@code $}
 * (section 6.3); the major version is "v" followed by digits.
 */
public record TopicName(String interfaceName, String majorVersion, String manufacturer, String serialNumber,
                        Topic topic) {

    /** The default interface name the specification suggests. */
    public static final String DEFAULT_INTERFACE = "uagv";

    /** The major version level for VDA 5050 2.x. */
    public static final String MAJOR_VERSION = "v2";

    /** Compiled once: every message received is checked against it. */
    private static final Pattern MAJOR_VERSION_LEVEL = Pattern.compile("v[0-9]+");

    public TopicName {
        checkLevel("interfaceName", interfaceName);
        checkLevel("majorVersion", majorVersion);
        if (!MAJOR_VERSION_LEVEL.matcher(majorVersion).matches()) {
            throw new IllegalArgumentException(
                    "majorVersion '" + majorVersion + "' must be 'v' followed by the major version, e.g. v2");
        }
        checkLevel("manufacturer", manufacturer);
        checkLevel("serialNumber", serialNumber);
        Objects.requireNonNull(topic, "topic");
    }

    /** The topic name for VDA 5050 2.x. */
    public static TopicName of(String interfaceName, String manufacturer, String serialNumber, Topic topic) {
        return new TopicName(interfaceName, MAJOR_VERSION, manufacturer, serialNumber, topic);
    }

    /**
     * Parses a topic name received from the broker.
     *
     * @throws IllegalArgumentException naming the topic and what is wrong with it
     */
    public static TopicName parse(String name) {
        Objects.requireNonNull(name, "topic name");
        String[] levels = name.split("/", -1);
        if (levels.length != 5) {
            throw new IllegalArgumentException("topic '" + name + "' has " + levels.length
                    + " levels; expected 5: interfaceName/majorVersion/manufacturer/serialNumber/topic");
        }
        try {
            return new TopicName(levels[0], levels[1], levels[2], levels[3], Topic.ofLevel(levels[4]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("topic '" + name + "': " + e.getMessage(), e);
        }
    }

    /**
     * A subscription filter with {@code +} for manufacturer and/or serial number when they are null, e.g.
     * {@code uagv/v2/+/+/state}.
     */
    public static String filter(String interfaceName, String manufacturer, String serialNumber, Topic topic) {
        checkLevel("interfaceName", interfaceName);
        if (manufacturer != null) {
            checkLevel("manufacturer", manufacturer);
        }
        if (serialNumber != null) {
            checkLevel("serialNumber", serialNumber);
        }
        return interfaceName + '/' + MAJOR_VERSION + '/' + (manufacturer == null ? "+" : manufacturer) + '/'
                + (serialNumber == null ? "+" : serialNumber) + '/' + topic.level();
    }

    /** The same robot's topic of another kind. */
    public TopicName withTopic(Topic other) {
        return new TopicName(interfaceName, majorVersion, manufacturer, serialNumber, other);
    }

    /** The topic name as published, e.g. {@code uagv/v2/RobotCompany/agv-001/state}. */
    @Override
    public String toString() {
        return interfaceName + '/' + majorVersion + '/' + manufacturer + '/' + serialNumber + '/' + topic.level();
    }

    private static void checkLevel(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '$') {
                throw new IllegalArgumentException(what + " '" + value + "' must not contain '" + c + "'");
            }
        }
    }
}
