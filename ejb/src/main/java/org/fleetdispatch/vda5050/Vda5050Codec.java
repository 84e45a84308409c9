package org.fleetdispatch.vda5050;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Encodes VDA 5050 messages to JSON (UTF-8) and decodes them strictly.
 *
 * <p>Decoding runs in three steps, each with its own failure:
 * <ol>
 *   <li>the bytes must be one well-formed JSON text in UTF-8, without duplicate keys or trailing content, else
 *   {@link Vda5050FormatException} with line, column and offset;</li>
 *   <li>the JSON must satisfy the topic's official 2.0.0 schema and our supplement (ADR 0060), else
 *   {@link Vda5050ValidationException} listing each violation's JSON path and rule;</li>
 *   <li>only then is the tree bound to the record ({@link RecordBinder}; JSON-B would parse the text again).</li>
 * </ol>
 * Unknown fields are allowed (the schemas allow them; 2.1 senders add some) and ignored. {@link #encode} validates
 * what it writes as well, so we never publish a message our own decoder would refuse.
 *
 * <p>Thread-safe; create one and share it (creating it compiles the schemas). Works in the container and outside
 * it with any JSON-P 2.1 implementation on the class path (Parsson); messages are written by {@link RecordWriter}
 * and read by {@link RecordBinder}, both held to JSON-B's behaviour by their tests.
 */
public final class Vda5050Codec implements AutoCloseable {

    private final RecordWriter writer;
    private final JsonParserFactory parsers;
    private final JsonBuilderFactory builders;
    private final SchemaCatalog schemas;

    public Vda5050Codec() {
        this.writer = new RecordWriter(Json.createGeneratorFactory(Map.of()));
        this.parsers = Json.createParserFactory(Map.of());
        this.builders = Json.createBuilderFactory(Map.of());
        this.schemas = SchemaCatalog.load();
    }

    /**
     * The message as JSON in UTF-8.
     *
     * @throws Vda5050ValidationException when the message breaks its schema (a bug in the caller: e.g. a
     *                                    batteryCharge of 120 or an empty required list left null)
     */
    public byte[] encode(Vda5050Message message) {
        byte[] json = serialise(message);
        List<Violation> violations = schemas.validate(message.topic(), parse(json));
        if (!violations.isEmpty()) {
            throw new Vda5050ValidationException(message.topic(), violations);
        }
        return json;
    }

    /**
     * The message as JSON in UTF-8, not checked against its schema: for a sender whose receiver checks every
     * message anyway and that sends so many that the check is most of its work (the robot simulator under
     * load). Everything else uses {@link #encode}.
     */
    public byte[] encodeUnchecked(Vda5050Message message) {
        return serialise(message);
    }

    private byte[] serialise(Vda5050Message message) {
        Objects.requireNonNull(message, "message");
        try {
            return writer.write((Record) message);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot serialise " + message.topic().level() + ": " + e.getMessage(),
                    e);
        }
    }

    /** Decodes a message of the given type; see the class comment for the failures. */
    public <T extends Vda5050Message> T decode(byte[] json, Class<T> type) {
        return type.cast(decode(topicOf(type), json));
    }

    /** Decodes a message received on a topic into that topic's message type. */
    public Vda5050Message decode(Topic topic, byte[] json) {
        Objects.requireNonNull(topic, "topic");
        String text = utf8(json);
        JsonValue tree = parse(text);
        validate(topic, tree);
        try {
            return RecordBinder.bind(tree.asJsonObject(), topic.messageType());
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            // The schema accepted it, so this is a gap between schema and record (e.g. a number too large for
            // a long): still the sender's fault, reported as a validation failure at the root.
            throw new Vda5050ValidationException(topic,
                    List.of(new Violation("$", "binding", "cannot bind to " + topic.messageType().getSimpleName()
                            + ": " + e.getMessage())));
        }
    }

    /**
     * Checks an already parsed message against the topic's schemas.
     *
     * @throws Vda5050ValidationException listing the violations
     */
    public void validate(Topic topic, JsonValue message) {
        List<Violation> violations = schemas.validate(topic, message);
        if (!violations.isEmpty()) {
            throw new Vda5050ValidationException(topic, violations);
        }
    }

    /**
     * Parses bytes to a JSON tree without schema validation (strict UTF-8, no duplicate keys, nothing after the
     * value).
     */
    public JsonValue parse(byte[] json) {
        return parse(utf8(json));
    }

    /** The topic on which messages of this type travel. */
    public static Topic topicOf(Class<? extends Vda5050Message> type) {
        for (Topic t : Topic.values()) {
            if (t.messageType() == type) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a VDA 5050 message type: " + type.getName());
    }

    /** Nothing to release any more (it held a JSON-B context); kept so that callers need not change. */
    @Override
    public void close() {
    }

    private JsonValue parse(String text) {
        try (JsonParser parser = parsers.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                throw new Vda5050FormatException("malformed JSON: no value", 1, 1, 0, null);
            }
            JsonValue value = read(parser, parser.next());
            if (parser.hasNext()) {
                JsonLocation at = parser.getLocation();
                throw new Vda5050FormatException("malformed JSON: content after the value at line "
                        + at.getLineNumber() + ", column " + at.getColumnNumber(), at.getLineNumber(),
                        at.getColumnNumber(), at.getStreamOffset(), null);
            }
            return value;
        } catch (JsonParsingException e) {
            JsonLocation at = e.getLocation();
            long line = at == null ? -1 : at.getLineNumber();
            long column = at == null ? -1 : at.getColumnNumber();
            long offset = at == null ? -1 : at.getStreamOffset();
            throw new Vda5050FormatException("malformed JSON at line " + line + ", column " + column + " (offset "
                    + offset + "): " + e.getMessage(), line, column, offset, e);
        } catch (JsonException e) {
            throw new Vda5050FormatException("malformed JSON: " + e.getMessage(), -1, -1, -1, e);
        }
    }

    /** Builds the tree from parser events, refusing duplicate keys (which the parser alone would let through). */
    private JsonValue read(JsonParser parser, JsonParser.Event event) {
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = builders.createObjectBuilder();
                Set<String> keys = new HashSet<>();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_OBJECT; e = parser.next()) {
                    String key = parser.getString();
                    if (!keys.add(key)) {
                        JsonLocation at = parser.getLocation();
                        throw new Vda5050FormatException("malformed JSON: duplicate key '" + key + "' at line "
                                + at.getLineNumber() + ", column " + at.getColumnNumber(), at.getLineNumber(),
                                at.getColumnNumber(), at.getStreamOffset(), null);
                    }
                    object.add(key, read(parser, parser.next()));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = builders.createArrayBuilder();
                for (JsonParser.Event e = parser.next(); e != JsonParser.Event.END_ARRAY; e = parser.next()) {
                    array.add(read(parser, e));
                }
                return array.build();
            }
            default -> {
                return parser.getValue();
            }
        }
    }

    private static String utf8(byte[] bytes) {
        Objects.requireNonNull(bytes, "json");
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new Vda5050FormatException("invalid UTF-8 at byte offset " + in.position(), -1, -1, in.position(),
                    e);
        } catch (CharacterCodingException e) {
            throw new Vda5050FormatException("invalid UTF-8: " + e, -1, -1, -1, e);
        }
    }
}
