package org.fleetdispatch.api.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.bind.config.PropertyVisibilityStrategy;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The one JSON-B configuration of the API, for request bodies, responses and watch streams alike:
 * snake_case names; unknown properties refused rather than ignored, so that a misspelt field
 * ({@code "heartbeat_timout"}) is an error the caller sees, not a default they did not ask for; and
 * nulls written, because Isaac Mission Dispatch writes every field of its objects; and only fields
 * are properties, never methods, so that the JSON of a record is exactly its components (the domain's
 * {@code Waypoint.isTask()} would otherwise appear as {@code is_task}, and be refused when sent back).
 */
public final class ApiJson {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true)
            .withPropertyVisibilityStrategy(new FieldsOnly())
            .setProperty("jsonb.fail-on-unknown-properties", true));

    private ApiJson() {
    }

    public static Jsonb jsonb() {
        return JSONB;
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    private static final class FieldsOnly implements PropertyVisibilityStrategy {
        @Override
        public boolean isVisible(Field field) {
            return !Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers());
        }

        @Override
        public boolean isVisible(Method method) {
            return false;
        }
    }
}
