package org.fleetdispatch.vda5050;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;

/**
 * A key-value parameter of an action (section 7.2). The value is any JSON value but null: array, boolean, number,
 * string or object.
 */
public record ActionParameter(String key, JsonValue value) {

    /** Looked up once: {@code Json.create…} runs a ServiceLoader lookup over the class path on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    public ActionParameter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    public static ActionParameter of(String key, String value) {
        return new ActionParameter(key, JSON.createValue(value));
    }

    public static ActionParameter of(String key, double value) {
        return new ActionParameter(key, JSON.createValue(value));
    }

    public static ActionParameter of(String key, boolean value) {
        return new ActionParameter(key, value ? JsonValue.TRUE : JsonValue.FALSE);
    }
}
