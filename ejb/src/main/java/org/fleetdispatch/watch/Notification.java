package org.fleetdispatch.watch;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;

/**
 * One payload of the {@code fleetdispatch_change} channel, as the V4 trigger writes it.
 *
 * @param name        {@code null} when the trigger could not fit the name into a NOTIFY payload
 * @param publisherId {@code null} when the change was not made through the API with a publisher id
 */
record Notification(Kind kind, String name, String operation, String publisherId) {

    /** Looked up once: {@code Json.create…} runs a ServiceLoader lookup over the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String CHANNEL = "fleetdispatch_change";

    /** The notification, or empty for a payload this version does not understand (logged by the caller). */
    static Optional<Notification> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(payload))) {
            JsonObject json = reader.readObject();
            Optional<Kind> kind = Kind.ofTable(text(json, "kind"));
            String operation = text(json, "operation");
            if (kind.isEmpty() || operation == null) {
                return Optional.empty();
            }
            return Optional.of(new Notification(kind.get(), text(json, "name"), operation, text(json, "publisher_id")));
        } catch (JsonParsingException | ClassCastException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject json, String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString s ? s.getString() : null;
    }
}
