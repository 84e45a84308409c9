package org.fleetdispatch.api.json;

import org.fleetdispatch.dispatch.InvalidSpecException;

/**
 * What the API accepts as an object name or prefix. Names become URL path segments and appear in
 * PostgreSQL change notifications, whose payloads are limited: so no slashes, no control characters,
 * not empty, at most {@value #MAX_LENGTH} characters, and not {@code watch} (that path is the watch stream).
 */
public final class Names {

    public static final int MAX_LENGTH = 200;

    private Names() {
    }

    /** @throws InvalidSpecException naming the field */
    public static void check(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            throw new InvalidSpecException(field + " must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidSpecException(field + " is longer than " + MAX_LENGTH + " characters");
        }
        if (value.indexOf('/') >= 0 || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSpecException(field + " '" + value + "' must not contain '/' or control characters");
        }
        if ("name".equals(field) && "watch".equals(value)) {
            throw new InvalidSpecException("name 'watch' is reserved: that path is the watch stream");
        }
    }
}
