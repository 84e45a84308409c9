package org.fleetdispatch.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.NodeStatus;

/** Document columns ({@code text} holding JSON) of the entities. */
public final class JsonConverters {

    private JsonConverters() {
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

    /** A mission tree as its list of nodes. */
    @Converter
    public static class MissionNodes implements AttributeConverter<List<MissionNode>, String> {
        private static final Type TYPE = parameterized(List.class, MissionNode.class);

        @Override
        public String convertToDatabaseColumn(List<MissionNode> nodes) {
            return nodes == null ? null : Json.write(nodes);
        }

        @Override
        public List<MissionNode> convertToEntityAttribute(String json) {
            return json == null ? null : List.copyOf(Json.<List<MissionNode>>read(json, TYPE));
        }
    }

    /** Node name → status, in tree order. */
    @Converter
    public static class NodeStatuses implements AttributeConverter<Map<String, NodeStatus>, String> {
        private static final Type TYPE = parameterized(LinkedHashMap.class, String.class, NodeStatus.class);

        @Override
        public String convertToDatabaseColumn(Map<String, NodeStatus> statuses) {
            return statuses == null ? null : Json.write(statuses);
        }

        @Override
        public Map<String, NodeStatus> convertToEntityAttribute(String json) {
            return json == null ? null : Json.read(json, TYPE);
        }
    }

    /** Route node name → number of task waypoints reached. */
    @Converter
    public static class Counts implements AttributeConverter<Map<String, Integer>, String> {
        private static final Type TYPE = parameterized(LinkedHashMap.class, String.class, Integer.class);

        @Override
        public String convertToDatabaseColumn(Map<String, Integer> counts) {
            return counts == null ? null : Json.write(counts);
        }

        @Override
        public Map<String, Integer> convertToEntityAttribute(String json) {
            return json == null ? null : Json.read(json, TYPE);
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
