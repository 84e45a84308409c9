package org.fleetdispatch.mqtt.internal;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves placeholders in a property value from system properties and environment variables.
 *
 * <p>Understood forms (see ADR 0040):
 * <ul>
 *   <li>{@code ${name}} and {@code ${name:default}}: the system property {@code name}, else the
 *       environment variable {@code name}, else the environment variable named by MicroProfile
 *       Config's rule (every character other than a letter or digit becomes {@code _}, then upper
 *       case: {@code fleetdispatch.mqtt.uri} is {@code FLEETDISPATCH_MQTT_URI}), else the default;</li>
 *   <li>{@code ${MPCONFIG=name}}: what Payara resolves itself from server-level sources; when it is
 *       still there (another server, or the value is missing) it is looked up as {@code ${name}};</li>
 *   <li>{@code ${ENV=NAME}}: the environment variable only.</li>
 * </ul>
 * A placeholder that resolves to nothing is an error naming the property, the system property and the
 * environment variable to set.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    private final UnaryOperator<String> systemProperties;
    private final UnaryOperator<String> environment;

    public Placeholders(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
        this.systemProperties = systemProperties;
        this.environment = environment;
    }

    /** Resolution from {@link System#getProperty} and {@link System#getenv}. */
    public static Placeholders fromSystem() {
        return new Placeholders(System::getProperty, System::getenv);
    }

    /** MicroProfile Config's environment variable name for a property name. */
    public static String environmentName(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * The value with every placeholder replaced.
     *
     * @param property the setting's name, for the message
     * @throws IllegalArgumentException when a placeholder has no value and no default
     */
    public String resolve(String property, String value) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(lookup(property, m.group(0), m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String lookup(String property, String placeholder, String body) {
        if (body.startsWith("ENV=")) {
            String name = body.substring(4);
            String v = environment.apply(name);
            if (v == null) {
                throw new IllegalArgumentException(property + ": unresolved placeholder " + placeholder
                        + ": set the environment variable " + name);
            }
            return v;
        }
        String spec = body.startsWith("MPCONFIG=") ? body.substring(9) : body;
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).trim();
        String fallback = colon < 0 ? null : spec.substring(colon + 1);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(property + ": empty placeholder " + placeholder);
        }
        String v = systemProperties.apply(name);
        if (v == null) {
            v = environment.apply(name);
        }
        if (v == null) {
            v = environment.apply(environmentName(name));
        }
        if (v == null) {
            v = fallback;
        }
        if (v == null) {
            throw new IllegalArgumentException(property + ": unresolved placeholder " + placeholder
                    + ": set the environment variable " + environmentName(name) + " or the system property "
                    + name);
        }
        return v;
    }
}
