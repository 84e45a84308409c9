package org.fleetdispatch.persistence;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.lang.reflect.Type;

/**
 * JSON for the columns that hold documents (mission trees, labels, robot errors and information): snake_case,
 * the names Isaac Mission Dispatch uses, so that what is stored is what the API shows. Node statuses and task
 * counts are written with JSON-P in the same form ({@link JsonConverters}).
 */
public final class Json {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    private Json() {
    }

    public static String write(Object value) {
        return JSONB.toJson(value);
    }

    public static <T> T read(String json, Type type) {
        return JSONB.fromJson(json, type);
    }
}
