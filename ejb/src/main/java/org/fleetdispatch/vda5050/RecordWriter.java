package org.fleetdispatch.vda5050;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;

/**
 * Writes the message records as JSON, as JSON-B writes them with null values left out: a record component under
 * its name (or its {@code @JsonbProperty}), enums by constant name, timestamps as ISO-8601 instants, lists as
 * arrays; members in component order (JSON-B sorts them; JSON objects are unordered).
 *
 * <p>Why not JSON-B: Yasson's recursion check puts every object it serialises in a hash set, and a record's
 * hash code hashes everything it holds, so a {@code state} paid for hashing its whole tree once per level; that
 * was most of the simulated robots' CPU in the mission benchmark (ADR 0064). Thread-safe; the shape of each
 * record is looked up once. {@code RecordWriterTest} holds it to JSON-B's output.
 */
final class RecordWriter {

    /** A record type's accessors and the JSON member name of each component. */
    private record Shape(Method[] accessors, String[] names) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = RecordBinder.components(type);
            Method[] accessors = new Method[components.length];
            String[] names = new String[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
                names[i] = RecordBinder.memberName(components[i]);
            }
            return new Shape(accessors, names);
        }
    };

    private final JsonGeneratorFactory generators;

    RecordWriter(JsonGeneratorFactory generators) {
        this.generators = generators;
    }

    /**
     * @throws IllegalArgumentException when a component has a type the messages do not use
     */
    byte[] write(Record message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator generator = generators.createGenerator(out)) {
            generator.writeStartObject();
            members(generator, message);
            generator.writeEnd();
        }
        return out.toByteArray();
    }

    private static void members(JsonGenerator generator, Record record) {
        Shape shape = SHAPES.get(record.getClass());
        for (int i = 0; i < shape.names().length; i++) {
            Object value = get(shape.accessors()[i], record);
            if (value != null) {
                generator.writeKey(shape.names()[i]);
                value(generator, value);
            }
        }
    }

    private static void value(JsonGenerator generator, Object value) {
        if (value instanceof String s) {
            generator.write(s);
        } else if (value instanceof Double d) {
            generator.write(d);
        } else if (value instanceof Long l) {
            generator.write(l);
        } else if (value instanceof Integer n) {
            generator.write(n);
        } else if (value instanceof Boolean b) {
            generator.write(b);
        } else if (value instanceof Enum<?> e) {
            generator.write(e.name());
        } else if (value instanceof Instant t) {
            generator.write(t.toString());
        } else if (value instanceof JsonValue j) {
            generator.write(j);
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                if (item == null) {
                    generator.writeNull();
                } else {
                    value(generator, item);
                }
            }
            generator.writeEnd();
        } else if (value instanceof Record r) {
            generator.writeStartObject();
            members(generator, r);
            generator.writeEnd();
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName());
        }
    }

    private static Object get(Method accessor, Record record) {
        try {
            return accessor.invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " failed: " + e.getCause(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor + ": " + e.getMessage(), e);
        }
    }
}
