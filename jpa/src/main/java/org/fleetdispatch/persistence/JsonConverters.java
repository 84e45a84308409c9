package org.fleetdispatch.persistence;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeStatus;

/** Document columns ({@code text} holding JSON) of the entities. */
public final class JsonConverters {

    private JsonConverters() {
    }

    private static final JsonGeneratorFactory GENERATORS = jakarta.json.Json.createGeneratorFactory(Map.of());
    private static final JsonReaderFactory READERS = jakarta.json.Json.createReaderFactory(Map.of());

    private static JsonObject readObject(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static Type parameterized(Class<?> raw, Type... arguments) {
        return new ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return arguments.clone();
            }

            @Override
            public Type getRawType() {
                return raw;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    /**
     * A mission tree as its list of nodes. Trees read are kept by their JSON: a mission's tree is not changed once
     * written (an update of its nodes writes a new one), every lock of a running mission read it again, and parsing
     * it was 3 % of the state messages' slow paths in a JFR recording at 200 robots (README, the twelfth round).
     * The nodes are immutable records in an immutable list, so entities can share them.
     */
    @Converter
    public static class MissionNodes implements AttributeConverter<List<MissionNode>, String> {
        private static final Type TYPE = parameterized(List.class, MissionNode.class);
        /** Enough for the running missions of a large fleet; beyond, the least recently read tree is parsed again. */
        private static final int CACHED = 2_048;
        private static final Map<String, List<MissionNode>> READ = Collections.synchronizedMap(
                new LinkedHashMap<>(256, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, List<MissionNode>> eldest) {
                        return size() > CACHED;
                    }
                });

        @Override
        public String convertToDatabaseColumn(List<MissionNode> nodes) {
            return nodes == null ? null : Json.write(nodes);
        }

        @Override
        public List<MissionNode> convertToEntityAttribute(String json) {
            if (json == null) {
                return null;
            }
            List<MissionNode> nodes = READ.get(json);
            if (nodes == null) {
                nodes = List.copyOf(Json.<List<MissionNode>>read(json, TYPE));
                READ.put(json, nodes);
            }
            return nodes;
        }
    }

    /**
     * Node name → status, in tree order. Written and read with JSON-P, in the form JSON-B gave it (snake_case,
     * properties in lexicographical order, no nulls): JSON-B looked up its serializers by reflection on every call,
     * and with {@link Counts} this was 7–9 % of the state messages' slow paths in JFR recordings at 200 robots
     * (README, the twelfth round).
     */
    @Converter
    public static class NodeStatuses implements AttributeConverter<Map<String, NodeStatus>, String> {

        @Override
        public String convertToDatabaseColumn(Map<String, NodeStatus> statuses) {
            if (statuses == null) {
                return null;
            }
            StringWriter out = new StringWriter();
            try (JsonGenerator json = GENERATORS.createGenerator(out)) {
                json.writeStartObject();
                statuses.forEach((name, status) -> {
                    json.writeStartObject(name);
                    if (status.errorMsg() != null) {
                        json.write("error_msg", status.errorMsg());
                    }
                    json.write("state", status.state().name()).writeEnd();
                });
                json.writeEnd();
            }
            return out.toString();
        }

        @Override
        public Map<String, NodeStatus> convertToEntityAttribute(String json) {
            if (json == null) {
                return null;
            }
            Map<String, NodeStatus> statuses = new LinkedHashMap<>();
            readObject(json).forEach((name, value) -> {
                JsonObject status = value.asJsonObject();
                statuses.put(name, new NodeStatus(MissionState.valueOf(status.getString("state")),
                        status.getString("error_msg", null)));
            });
            return statuses;
        }
    }

    /**
     * Route node name → number of task waypoints reached. Written and read with JSON-P, as {@link NodeStatuses}: a
     * task waypoint's count is often its transaction's only change.
     */
    @Converter
    public static class Counts implements AttributeConverter<Map<String, Integer>, String> {

        @Override
        public String convertToDatabaseColumn(Map<String, Integer> counts) {
            if (counts == null) {
                return null;
            }
            StringWriter out = new StringWriter();
            try (JsonGenerator json = GENERATORS.createGenerator(out)) {
                json.writeStartObject();
                counts.forEach(json::write);
                json.writeEnd();
            }
            return out.toString();
        }

        @Override
        public Map<String, Integer> convertToEntityAttribute(String json) {
            if (json == null) {
                return null;
            }
            Map<String, Integer> counts = new LinkedHashMap<>();
            readObject(json).forEach((name, count) -> counts.put(name, ((JsonNumber) count).intValueExact()));
            return counts;
        }
    }

    /** A list of strings (labels). */
    @Converter
    public static class Strings implements AttributeConverter<List<String>, String> {
        private static final Type TYPE = parameterized(List.class, String.class);

        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return values == null ? null : Json.write(values);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return json == null ? null : List.copyOf(Json.<List<String>>read(json, TYPE));
        }
    }

    /** A string-keyed map of strings (robot errors, info messages). */
    @Converter
    public static class StringMap implements AttributeConverter<Map<String, String>, String> {
        private static final Type TYPE = parameterized(LinkedHashMap.class, String.class, String.class);

        @Override
        public String convertToDatabaseColumn(Map<String, String> values) {
            return values == null ? null : Json.write(values);
        }

        @Override
        public Map<String, String> convertToEntityAttribute(String json) {
            return json == null ? null : Json.read(json, TYPE);
        }
    }
}
