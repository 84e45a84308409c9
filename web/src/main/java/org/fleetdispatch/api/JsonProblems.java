package org.fleetdispatch.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JSON-B's (Yasson's) messages about a request body into sentences that name the field and say
 * what was wrong, without Java class names: "unknown field 'heartbeat_timout'", "'battery.critical_level'
 * must be a number".
 */
final class JsonProblems {

    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '([^']+)' because of: ");
    private static final Pattern UNKNOWN = Pattern.compile("^Json property (.+) can not be mapped to a class .*$", Pattern.DOTALL);
    private static final Pattern WRONG_TYPE = Pattern.compile(
            "^(?:Error deserialize JSON value into type|Incorrect position for processing type): (?:class |interface )?([\\w.$]+).*$",
            Pattern.DOTALL);

    private JsonProblems() {
    }

    static String describe(String message) {
        if (message == null) {
            return "The request body is not valid JSON";
        }
        String rest = message.trim();
        List<String> path = new ArrayList<>();
        for (Matcher m = PROPERTY.matcher(rest); m.find(); m = PROPERTY.matcher(rest)) {
            path.add(m.group(1));
            rest = rest.substring(m.end());
        }
        String where = String.join(".", path);
        Matcher unknown = UNKNOWN.matcher(rest);
        if (unknown.matches()) {
            return "unknown field '" + unknown.group(1) + "'" + (where.isEmpty() ? "" : " in '" + where + "'")
                    + "; see GET /openapi for the fields this request takes";
        }
        Matcher wrongType = WRONG_TYPE.matcher(rest);
        if (wrongType.matches() && !where.isEmpty()) {
            return "'" + where + "' must be " + expected(wrongType.group(1).replaceAll("\\.$", ""));
        }
        String detail = rest.replaceFirst("^Internal error: ", "");
        return "The request body is not valid JSON" + (where.isEmpty() ? "" : " at '" + where + "'") + ": " + detail;
    }

    private static String expected(String javaType) {
        return switch (javaType) {
            case "java.lang.Double", "java.lang.Float", "double", "float", "java.math.BigDecimal" -> "a number";
            case "java.lang.Integer", "java.lang.Long", "int", "long" -> "a whole number";
            case "java.lang.Boolean", "boolean" -> "true or false";
            case "java.lang.String" -> "a string";
            case "java.util.List", "java.util.Collection" -> "an array";
            case "java.util.Map" -> "an object";
            default -> "an object of the documented shape";
        };
    }
}
