package org.fleetdispatch.api;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.fleetdispatch.api.json.Timestamps;

/**
 * Query parameters read strictly: an unknown parameter, a value given twice where one is expected, or
 * a value of the wrong type is a 400 that names the parameter — never silently ignored, because a
 * misspelt filter that returns every robot is worse than an error. Values are only ever bound as query
 * parameters further down, never pasted into SQL.
 */
final class QueryParameters {

    /** Accepted by every endpoint: Isaac Mission Dispatch clients send it with writes and watches. */
    static final String PUBLISHER_ID = "publisher_id";

    private static final int MAX_PUBLISHER_ID_LENGTH = 200;
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

    private final MultivaluedMap<String, String> given;

    private QueryParameters(MultivaluedMap<String, String> given) {
        this.given = given;
    }

    /** @throws ApiException when a parameter is neither in {@code known} nor {@code publisher_id} */
    static QueryParameters of(UriInfo uri, String... known) {
        MultivaluedMap<String, String> given = uri.getQueryParameters();
        Set<String> allowed = new TreeSet<>(Arrays.asList(known));
        allowed.add(PUBLISHER_ID);
        for (String name : given.keySet()) {
            if (!allowed.contains(name)) {
                throw ApiException.badParameter("unknown query parameter '" + name + "'; this endpoint takes " + allowed);
            }
        }
        QueryParameters parameters = new QueryParameters(given);
        parameters.publisherId(); // checked wherever it is given, even where it has no effect
        return parameters;
    }

    /** The single value of a parameter, or {@code null} when it is absent. */
    String text(String name) {
        List<String> values = given.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.badParameter("query parameter '" + name + "' is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    /** Every value of a repeatable parameter; each may also be a comma-separated list. */
    List<String> list(String name) {
        List<String> values = given.get(name);
        List<String> out = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    Double number(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.trim());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the error that names the parameter
        }
        throw ApiException.badParameter("query parameter '" + name + "' must be a number, was '" + value + "'");
    }

    Integer positiveInteger(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 1) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw ApiException.badParameter("query parameter '" + name + "' must be a whole number of at least 1, was '" + value + "'");
    }

    Boolean bool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(v)) {
            return Boolean.FALSE;
        }
        throw ApiException.badParameter("query parameter '" + name + "' must be true or false, was '" + value + "'");
    }

    <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return constant;
            }
        }
        throw ApiException.badParameter("query parameter '" + name + "' must be one of "
                + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
    }

    Instant timestamp(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return Timestamps.parse(value).orElseThrow(() -> ApiException.badParameter("query parameter '" + name
                + "' must be an ISO-8601 date-time such as 2030-01-31T12:00:00Z, was '" + value + "'"));
    }

    /** The caller's publisher id (IMD sends a UUID; any short string will do), or {@code null}. */
    String publisherId() {
        String value = text(PUBLISHER_ID);
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > MAX_PUBLISHER_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badParameter("query parameter 'publisher_id' must be 1 to " + MAX_PUBLISHER_ID_LENGTH
                    + " printable characters");
        }
        return value;
    }
}
