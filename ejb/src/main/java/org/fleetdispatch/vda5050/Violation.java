package org.fleetdispatch.vda5050;

/**
 * One broken schema rule.
 *
 * @param path    where, as a JSONPath from the message root, e.g. {@code $.nodes[2].actions[0].blockingType}
 * @param rule    the JSON-schema keyword that failed: required, type, enum, minimum, maximum, format, pattern
 * @param message what is wrong, for people
 */
public record Violation(String path, String rule, String message) {

    @Override
    public String toString() {
        return path + ": " + message + " (" + rule + ")";
    }
}
