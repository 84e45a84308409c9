package org.fleetdispatch.vda5050;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Binds a JSON tree that passed the schema to the message records, as JSON-B would bind the same text: a record
 * component by its name (or its {@link JsonbProperty}), enums by constant name, timestamps as ISO-8601 instants,
 * absent or null values as {@code null} (primitives as 0 / false), unknown members ignored.
 *
 * <p>Why not JSON-B: decoding already built and validated the tree, and JSON-B can only bind text, so it parsed
 * every message a second time and then bound it by reflection; in the server that was the largest single cost
 * of a robot's {@code state} message (ADR 0064). Thread-safe; the shape of each record is looked up once.
 */
final class RecordBinder {

    /** A record type's canonical constructor and the JSON member name and type of each of its components. */
    private record Shape(Constructor<?> constructor, String[] names, Type[] types) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = components(type);
            String[] names = new String[components.length];
            Type[] types = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = memberName(components[i]);
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
            }
            try {
                return new Shape(type.getDeclaredConstructor(raw), names, types);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }
    };

    /** The record's components, for the binder and the {@link RecordWriter}. */
    static RecordComponent[] components(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        return components;
    }

    /** The JSON member a record component is read from and written to: its {@link JsonbProperty}, or its name. */
    static String memberName(RecordComponent component) {
        JsonbProperty renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        return renamed == null ? component.getName() : renamed.value();
    }

    /** Where a value sits in the message, as a JSON path; only turned into text for an error message. */
    private record At(At parent, String member, int index) {
        static final At ROOT = new At(null, null, -1);

        At member(String name) {
            return new At(this, name, -1);
        }

        At item(int i) {
            return new At(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "$";
            }
            return parent + (member != null ? "." + member : "[" + index + "]");
        }
    }

    private RecordBinder() {
    }

    /**
     * @throws IllegalArgumentException naming the JSON path, when a value does not fit its component (a number
     *                                  too large or with a fraction for an integer, an unknown enum constant) or
     *                                  a record's constructor refuses it
     */
    static <T> T bind(JsonObject message, Class<T> type) {
        return type.cast(read(message, type, At.ROOT));
    }

    private static Object read(JsonValue value, Type type, At path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return type instanceof Class<?> c && c.isPrimitive() ? defaultOf(c) : null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return list(value, p.getActualTypeArguments()[0], path);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return expect(value, JsonString.class, path).getString();
        }
        if (c == long.class || c == Long.class) {
            return exact(path, () -> expect(value, JsonNumber.class, path).longValueExact());
        }
        if (c == int.class || c == Integer.class) {
            return exact(path, () -> expect(value, JsonNumber.class, path).intValueExact());
        }
        if (c == double.class || c == Double.class) {
            return expect(value, JsonNumber.class, path).doubleValue();
        }
        if (c == boolean.class || c == Boolean.class) {
            if (value.getValueType() == JsonValue.ValueType.TRUE) {
                return Boolean.TRUE;
            }
            if (value.getValueType() == JsonValue.ValueType.FALSE) {
                return Boolean.FALSE;
            }
            throw new IllegalArgumentException(path + ": expected a boolean, got " + value.getValueType());
        }
        if (c == Instant.class) {
            String text = expect(value, JsonString.class, path).getString();
            Instant utc = Rfc3339.utc(text);
            if (utc != null) {
                return utc;
            }
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(path + ": not an ISO-8601 timestamp: " + text, e);
            }
        }
        if (c.isEnum()) {
            return constant(c, expect(value, JsonString.class, path).getString(), path);
        }
        if (JsonValue.class.isAssignableFrom(c)) {
            if (!c.isInstance(value)) {
                throw new IllegalArgumentException(path + ": expected " + c.getSimpleName() + ", got " + value.getValueType());
            }
            return value;
        }
        if (c.isRecord()) {
            return record(expect(value, JsonObject.class, path), c, path);
        }
        throw new IllegalArgumentException(path + ": cannot bind to " + c.getName());
    }

    private static Object record(JsonObject object, Class<?> type, At path) {
        Shape shape = SHAPES.get(type);
        Object[] arguments = new Object[shape.names().length];
        for (int i = 0; i < arguments.length; i++) {
            String name = shape.names()[i];
            arguments[i] = read(object.get(name), shape.types()[i], path.member(name));
        }
        try {
            return shape.constructor().newInstance(arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException(path + ": " + type.getSimpleName() + " refused it: " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    private static List<Object> list(JsonValue value, Type element, At path) {
        JsonArray array = expect(value, JsonArray.class, path);
        List<Object> list = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            list.add(read(array.get(i), element, path.item(i)));
        }
        return Collections.unmodifiableList(list);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object constant(Class<?> type, String name, At path) {
        try {
            return Enum.valueOf((Class<? extends Enum>) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": no " + type.getSimpleName() + " named " + name, e);
        }
    }

    private static <V extends JsonValue> V expect(JsonValue value, Class<V> kind, At path) {
        if (!kind.isInstance(value)) {
            throw new IllegalArgumentException(path + ": expected a " + kind.getSimpleName().replace("Json", "").toLowerCase()
                    + ", got " + value.getValueType());
        }
        return kind.cast(value);
    }

    private interface Exact {
        Object get();
    }

    private static Object exact(At path, Exact read) {
        try {
            return read.get();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(path + ": not an integer in range: " + e.getMessage(), e);
        }
    }

    private static Object defaultOf(Class<?> primitive) {
        if (primitive == boolean.class) {
            return Boolean.FALSE;
        }
        if (primitive == long.class) {
            return 0L;
        }
        if (primitive == int.class) {
            return 0;
        }
        if (primitive == double.class) {
            return 0.0;
        }
        throw new IllegalArgumentException("no default for " + primitive);
    }
}
