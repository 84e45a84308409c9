package org.fleetdispatch.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's settings, all from environment variables. The names are the MicroProfile Config
 * names the application reads (upper case, {@code _} for {@code .}), so one variable configures both
 * the launcher and the server it starts.
 *
 * @param dataDirectory        {@code FLEETDISPATCH_DATA_DIR}, default {@code ./data}: the embedded
 *                             database cluster, the broker's persistence, Payara Micro's work files
 * @param httpHost             {@code FLEETDISPATCH_HTTP_HOST}, default {@code 127.0.0.1}
 * @param httpPort             {@code FLEETDISPATCH_HTTP_PORT}, default 8080
 * @param databaseUrl          {@code FLEETDISPATCH_DB_URL}: when set, that server is used and no embedded
 *                             one is started
 * @param databaseUser         {@code FLEETDISPATCH_DB_USER}, default {@code postgres}
 * @param databasePassword     {@code FLEETDISPATCH_DB_PASSWORD}, default empty
 * @param embeddedDatabasePort {@code FLEETDISPATCH_EMBEDDED_DB_PORT}, default 15432
 * @param mqttUri              {@code FLEETDISPATCH_MQTT_URI}: when set, that broker is used and no embedded
 *                             one is started
 * @param embeddedMqttPort     {@code FLEETDISPATCH_EMBEDDED_MQTT_PORT}, default 1883
 * @param javaOptions          {@code FLEETDISPATCH_JAVA_OPTS}: extra JVM options for Payara Micro
 */
public record Settings(
        Path dataDirectory,
        String httpHost,
        int httpPort,
        Optional<String> databaseUrl,
        String databaseUser,
        String databasePassword,
        int embeddedDatabasePort,
        Optional<String> mqttUri,
        int embeddedMqttPort,
        String javaOptions) {

    public static Settings fromEnvironment(Map<String, String> env) {
        return new Settings(
                Path.of(env.getOrDefault("FLEETDISPATCH_DATA_DIR", "data")).toAbsolutePath().normalize(),
                env.getOrDefault("FLEETDISPATCH_HTTP_HOST", "127.0.0.1"),
                port(env, "FLEETDISPATCH_HTTP_PORT", 8080),
                nonBlank(env.get("FLEETDISPATCH_DB_URL")),
                env.getOrDefault("FLEETDISPATCH_DB_USER", EmbeddedDatabase.USER),
                env.getOrDefault("FLEETDISPATCH_DB_PASSWORD", ""),
                port(env, "FLEETDISPATCH_EMBEDDED_DB_PORT", 15432),
                nonBlank(env.get("FLEETDISPATCH_MQTT_URI")),
                port(env, "FLEETDISPATCH_EMBEDDED_MQTT_PORT", 1883),
                env.getOrDefault("FLEETDISPATCH_JAVA_OPTS", ""));
    }

    /**
     * The environment Payara Micro gets: the caller's own, plus the database and broker actually in
     * use, so that the application finds the embedded servers without being told twice.
     */
    public Map<String, String> serverEnvironment(String databaseUrl, String mqttUri) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("FLEETDISPATCH_DB_URL", databaseUrl);
        env.put("FLEETDISPATCH_DB_USER", databaseUser);
        env.put("FLEETDISPATCH_DB_PASSWORD", databasePassword);
        env.put("FLEETDISPATCH_MQTT_URI", mqttUri);
        return env;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "='" + value + "' is not a TCP port (1-65535)");
        }
    }
}
