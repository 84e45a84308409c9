package org.fleetdispatch.vda5050;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A validator for the subset of JSON Schema (draft 2020-12) that the official VDA 5050 schemas use: {@code type}
 * (one or several), {@code properties}, {@code required}, {@code items}, {@code enum}, {@code minimum},
 * {@code maximum}, {@code format: date-time}, {@code $ref} to a local JSON pointer, {@code definitions}/
 * {@code $defs}, plus {@code pattern} for our supplements. Annotations ({@code description}, {@code title},
 * {@code examples}, {@code unit}, {@code subtopic}, …) are ignored.
 *
 * <p>A schema that uses any other keyword is refused when it is compiled, so that no rule is ever skipped
 * silently. Compiled once; {@link #validate} is thread-safe and allocation-light (see ADR 0060).
 */
final class SchemaValidator {

    /** Stop collecting after this many violations: one bad message should not produce megabytes of text. */
    static final int MAX_VIOLATIONS = 20;

    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "title", "description",
            "examples", "unit", "subtopic", "default");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "items", "enum", "minimum",
            "maximum", "format", "$ref", "definitions", "$defs", "pattern");

    private static final int OBJECT = 1;
    private static final int ARRAY = 2;
    private static final int STRING = 4;
    private static final int NUMBER = 8;
    private static final int INTEGER = 16;
    private static final int BOOLEAN = 32;
    private static final int NULL = 64;

    private final Node root;

    private SchemaValidator(Node root) {
        this.root = root;
    }

    /**
     * Compiles a schema document.
     *
     * @throws IllegalArgumentException naming the location of a keyword or value this subset does not support
     */
    static SchemaValidator compile(JsonObject schema) {
        Compiler compiler = new Compiler(schema);
        Node root = compiler.node(schema, "#");
        compiler.resolveRefs();
        return new SchemaValidator(root);
    }

    /** Adds the violations of {@code value} to {@code out} (at most {@link #MAX_VIOLATIONS} in all). */
    void validate(JsonValue value, List<Violation> out) {
        root.validate(value, Path.ROOT, out);
    }

    /** A location in the validated document, rendered only when a violation is reported. */
    private record Path(Path parent, String property, int index) {
        static final Path ROOT = new Path(null, null, -1);

        Path property(String name) {
            return new Path(this, name, -1);
        }

        Path index(int i) {
            return new Path(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            StringBuilder sb = new StringBuilder(parent.toString());
            if (property == null) {
                sb.append('[').append(index).append(']');
            } else if (isPlainName(property)) {
                sb.append('.').append(property);
            } else {
                sb.append("['").append(property.replace("'", "\\'")).append("']");
            }
            return sb.toString();
        }

        private static boolean isPlainName(String s) {
            if (s.isEmpty()) {
                return false;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (!(Character.isLetterOrDigit(c) || c == '_')) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Node {
        final String location;
        int types;
        String[] required = new String[0];
        Map<String, Node> properties;
        Node items;
        Set<String> enumStrings;
        List<JsonValue> enumValues;
        BigDecimal minimum;
        BigDecimal maximum;
        double minimumDouble;
        double maximumDouble;
        boolean dateTime;
        Pattern pattern;
        String ref;
        Node refTarget;

        Node(String location) {
            this.location = location;
        }

        void validate(JsonValue value, Path path, List<Violation> out) {
            if (out.size() >= MAX_VIOLATIONS) {
                return;
            }
            if (refTarget != null) {
                refTarget.validate(value, path, out);
            }
            JsonValue.ValueType vt = value.getValueType();
            if (types != 0 && !typeMatches(vt, value)) {
                report(out, path, "type", "expected " + typeNames(types) + " but found " + describe(value));
                return;
            }
            switch (vt) {
                case OBJECT -> validateObject((JsonObject) value, path, out);
                case ARRAY -> validateArray((JsonArray) value, path, out);
                case STRING -> validateString(((JsonString) value).getString(), path, out);
                case NUMBER -> validateNumber((JsonNumber) value, path, out);
                default -> {
                }
            }
            if (enumValues != null && !enumMatches(value)) {
                report(out, path, "enum", describe(value) + " is not one of " + enumText());
            }
        }

        private void validateObject(JsonObject object, Path path, List<Violation> out) {
            for (String name : required) {
                if (!object.containsKey(name)) {
                    report(out, path.property(name), "required", "required field '" + name + "' is missing");
                }
            }
            if (properties != null) {
                for (Map.Entry<String, JsonValue> e : object.entrySet()) {
                    Node child = properties.get(e.getKey());
                    if (child != null) {
                        child.validate(e.getValue(), path.property(e.getKey()), out);
                    }
                }
            }
        }

        private void validateArray(JsonArray array, Path path, List<Violation> out) {
            if (items != null) {
                for (int i = 0, n = array.size(); i < n; i++) {
                    items.validate(array.get(i), path.index(i), out);
                }
            }
        }

        private void validateString(String s, Path path, List<Violation> out) {
            if (dateTime && !isDateTime(s)) {
                report(out, path, "format", "'" + s + "' is not an RFC 3339 date-time such as 2017-04-15T11:40:03.12Z");
            }
            if (pattern != null && !pattern.matcher(s).find()) {
                report(out, path, "pattern", "'" + s + "' does not match " + pattern.pattern());
            }
        }

        private void validateNumber(JsonNumber n, Path path, List<Violation> out) {
            if (minimum == null && maximum == null) {
                return;
            }
            double d = n.doubleValue();
            if (minimum != null && (d < minimumDouble
                    || (d == minimumDouble && n.bigDecimalValue().compareTo(minimum) < 0))) {
                report(out, path, "minimum", n + " is less than the minimum " + minimum.toPlainString());
            }
            if (maximum != null && (d > maximumDouble
                    || (d == maximumDouble && n.bigDecimalValue().compareTo(maximum) > 0))) {
                report(out, path, "maximum", n + " is greater than the maximum " + maximum.toPlainString());
            }
        }

        private boolean typeMatches(JsonValue.ValueType vt, JsonValue value) {
            return switch (vt) {
                case OBJECT -> (types & OBJECT) != 0;
                case ARRAY -> (types & ARRAY) != 0;
                case STRING -> (types & STRING) != 0;
                case TRUE, FALSE -> (types & BOOLEAN) != 0;
                case NULL -> (types & NULL) != 0;
                case NUMBER -> (types & NUMBER) != 0 || ((types & INTEGER) != 0 && isInteger((JsonNumber) value));
            };
        }

        private boolean enumMatches(JsonValue value) {
            if (value.getValueType() == JsonValue.ValueType.STRING && enumStrings != null) {
                return enumStrings.contains(((JsonString) value).getString());
            }
            return enumValues.contains(value);
        }

        private String enumText() {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < enumValues.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(enumValues.get(i));
            }
            return sb.append(']').toString();
        }
    }

    static boolean isInteger(JsonNumber n) {
        if (n.isIntegral()) {
            return true;
        }
        BigDecimal d = n.bigDecimalValue();
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean isDateTime(String s) {
        // RFC 3339 requires the 'T' separator and an offset; ISO_OFFSET_DATE_TIME accepts exactly that shape
        // (it also accepts a missing seconds field, which RFC 3339 does not, hence the length check).
        if (s.length() < 20 || s.charAt(10) != 'T' && s.charAt(10) != 't' || s.charAt(16) != ':') {
            return false;
        }
        if (Rfc3339.utc(s) != null) {
            return true;
        }
        try {
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static void report(List<Violation> out, Path path, String rule, String message) {
        if (out.size() < MAX_VIOLATIONS) {
            out.add(new Violation(path.toString(), rule, message));
        }
    }

    private static String describe(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case STRING -> "the string " + v;
            case NUMBER -> "the number " + v;
            case TRUE, FALSE -> "the boolean " + v;
            case NULL -> "null";
        };
    }

    private static String typeNames(int types) {
        List<String> names = new ArrayList<>();
        if ((types & OBJECT) != 0) {
            names.add("object");
        }
        if ((types & ARRAY) != 0) {
            names.add("array");
        }
        if ((types & STRING) != 0) {
            names.add("string");
        }
        if ((types & NUMBER) != 0) {
            names.add("number");
        }
        if ((types & INTEGER) != 0) {
            names.add("integer");
        }
        if ((types & BOOLEAN) != 0) {
            names.add("boolean");
        }
        if ((types & NULL) != 0) {
            names.add("null");
        }
        return names.size() == 1 ? names.get(0) : String.join(" or ", names);
    }

    private static final class Compiler {
        private final JsonObject document;
        private final List<Node> withRefs = new ArrayList<>();
        private final Map<String, Node> byPointer = new HashMap<>();

        Compiler(JsonObject document) {
            this.document = document;
        }

        Node node(JsonValue schemaValue, String location) {
            if (!(schemaValue instanceof JsonObject schema)) {
                throw unsupported(location, "a schema must be an object, found " + schemaValue.getValueType());
            }
            Node node = new Node(location);
            byPointer.put(location, node);
            for (Map.Entry<String, JsonValue> e : schema.entrySet()) {
                String key = e.getKey();
                JsonValue v = e.getValue();
                String at = location + "/" + key;
                if (ANNOTATIONS.contains(key)) {
                    continue;
                }
                if (!KEYWORDS.contains(key)) {
                    throw unsupported(at, "keyword '" + key + "' is not supported by this validator");
                }
                switch (key) {
                    case "type" -> node.types = types(v, at);
                    case "properties" -> {
                        node.properties = new HashMap<>();
                        for (Map.Entry<String, JsonValue> p : asObject(v, at).entrySet()) {
                            node.properties.put(p.getKey(), node(p.getValue(), at + "/" + p.getKey()));
                        }
                    }
                    case "required" -> {
                        JsonArray names = asArray(v, at);
                        node.required = new String[names.size()];
                        for (int i = 0; i < names.size(); i++) {
                            if (!(names.get(i) instanceof JsonString s)) {
                                throw unsupported(at, "required must list strings");
                            }
                            node.required[i] = s.getString();
                        }
                    }
                    case "items" -> node.items = node(v, at);
                    case "enum" -> {
                        node.enumValues = List.copyOf(asArray(v, at));
                        Set<String> strings = new HashSet<>();
                        for (JsonValue ev : node.enumValues) {
                            if (ev instanceof JsonString s) {
                                strings.add(s.getString());
                            }
                        }
                        node.enumStrings = strings.size() == node.enumValues.size() ? Set.copyOf(strings) : null;
                    }
                    case "minimum" -> {
                        node.minimum = asNumber(v, at);
                        node.minimumDouble = node.minimum.doubleValue();
                    }
                    case "maximum" -> {
                        node.maximum = asNumber(v, at);
                        node.maximumDouble = node.maximum.doubleValue();
                    }
                    case "format" -> {
                        if (!(v instanceof JsonString s) || !s.getString().equals("date-time")) {
                            throw unsupported(at, "only format date-time is supported, found " + v);
                        }
                        node.dateTime = true;
                    }
                    case "pattern" -> {
                        if (!(v instanceof JsonString s)) {
                            throw unsupported(at, "pattern must be a string");
                        }
                        node.pattern = Pattern.compile(s.getString());
                    }
                    case "$ref" -> {
                        if (!(v instanceof JsonString s) || !s.getString().startsWith("#/")) {
                            throw unsupported(at, "only local references '#/…' are supported, found " + v);
                        }
                        node.ref = s.getString();
                        withRefs.add(node);
                    }
                    case "definitions", "$defs" -> {
                        for (Map.Entry<String, JsonValue> d : asObject(v, at).entrySet()) {
                            node(d.getValue(), at + "/" + d.getKey());
                        }
                    }
                    default -> throw new AssertionError(key);
                }
            }
            if (node.enumValues != null && node.types != 0) {
                for (JsonValue ev : node.enumValues) {
                    if (!node.typeMatches(ev.getValueType(), ev)) {
                        throw unsupported(location, "enum value " + ev + " can never match type "
                                + typeNames(node.types));
                    }
                }
            }
            return node;
        }

        void resolveRefs() {
            for (Node node : withRefs) {
                Node target = byPointer.get(node.ref);
                if (target == null) {
                    // a pointer into a part of the document that was not compiled as a schema
                    JsonValue v = document.getValue(node.ref.substring(1));
                    target = node(v, node.ref);
                }
                node.refTarget = target;
            }
        }

        private static int types(JsonValue v, String at) {
            int mask = 0;
            if (v instanceof JsonString s) {
                return type(s.getString(), at);
            }
            for (JsonValue t : asArray(v, at)) {
                if (!(t instanceof JsonString s)) {
                    throw unsupported(at, "type names must be strings");
                }
                mask |= type(s.getString(), at);
            }
            return mask;
        }

        private static int type(String name, String at) {
            return switch (name) {
                case "object" -> OBJECT;
                case "array" -> ARRAY;
                case "string" -> STRING;
                case "number" -> NUMBER;
                case "integer" -> INTEGER;
                case "boolean" -> BOOLEAN;
                case "null" -> NULL;
                default -> throw unsupported(at, "unknown type '" + name + "'");
            };
        }

        private static JsonObject asObject(JsonValue v, String at) {
            if (v instanceof JsonObject o) {
                return o;
            }
            throw unsupported(at, "expected an object");
        }

        private static JsonArray asArray(JsonValue v, String at) {
            if (v instanceof JsonArray a) {
                return a;
            }
            throw unsupported(at, "expected an array");
        }

        private static BigDecimal asNumber(JsonValue v, String at) {
            if (v instanceof JsonNumber n) {
                return n.bigDecimalValue();
            }
            throw unsupported(at, "expected a number");
        }

        private static IllegalArgumentException unsupported(String at, String what) {
            return new IllegalArgumentException("schema " + at + ": " + what);
        }
    }
}
