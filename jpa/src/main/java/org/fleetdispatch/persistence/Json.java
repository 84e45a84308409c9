package org.fleetdispatch.persistence;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.lang.reflect.Type;

/**
 * JSON for the columns that hold documents (mission trees, node statuses, factsheets): snake_case,
 * the names Isaac Mission Dispatch uses, so that what is stored is what the API shows.
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
