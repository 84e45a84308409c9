package org.fleetdispatch.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.stream.Stream;
import org.fleetdispatch.launcher.testing.EmbeddedServicesListener;

/** The API under test as a client sees it, and the database behind it as another server instance sees it. */
final class Api {

    private final URL base;
    private final HttpClient http = HttpClient.newHttpClient();

    Api(URL base) {
        this.base = base;
    }

    /** A name no other test (nor an earlier run against the same database) uses. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> delete(String path) throws Exception {
        return send(request(path).DELETE());
    }

    /** A streaming GET: the body as lines, read as they come. */
    HttpResponse<Stream<String>> lines(String path) throws Exception {
        return http.send(request(path).header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofLines());
    }

    HttpRequest.Builder request(String path) throws Exception {
        return HttpRequest.newBuilder(uri(path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpClient http() {
        return http;
    }

    URI uri(String path) throws Exception {
        // Payara Micro reports its URL with the host's address, but listens on loopback only. /health,
        // /metrics and /openapi belong to the server, not to the application's context.
        boolean server = path.startsWith("health") || path.startsWith("metrics") || path.startsWith("openapi");
        String context = base.getPath().endsWith("/") ? base.getPath() : base.getPath() + "/";
        return new URI("http", null, "127.0.0.1", base.getPort(), server ? "/" : context, null, null).resolve(path);
    }

    /** Creates a robot and returns its JSON; fails the test unless it was created. */
    JsonObject createRobot(String json) throws Exception {
        HttpResponse<String> created = post("robot", json);
        if (created.statusCode() != 201) {
            throw new AssertionError("robot not created: " + created.statusCode() + " " + created.body());
        }
        return object(created.body());
    }

    JsonObject createMission(String json) throws Exception {
        HttpResponse<String> created = post("mission", json);
        if (created.statusCode() != 201) {
            throw new AssertionError("mission not created: " + created.statusCode() + " " + created.body());
        }
        return object(created.body());
    }

    /** POSTs and insists on a 2xx answer. */
    JsonObject create(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return object(response.body());
    }

    /** GETs and insists on a 200 answer. */
    JsonObject fetch(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return object(response.body());
    }

    JsonObject mission(String name) throws Exception {
        return fetch("mission/" + name);
    }

    JsonObject robot(String name) throws Exception {
        return fetch("robot/" + name);
    }

    /** A gauge or counter of the application's metrics, 0 when it is not there (yet). */
    double metric(String name, String tag) throws Exception {
        return get("metrics?scope=application").body().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains(tag))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    static JsonObject object(String text) {
        return value(text).asJsonObject();
    }

    static JsonArray array(String text) {
        return value(text).asJsonArray();
    }

    static JsonValue value(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    static Connection database() throws SQLException {
        return DriverManager.getConnection(EmbeddedServicesListener.database().jdbcUrl(), "postgres", "");
    }

    /** Runs one statement directly against PostgreSQL, as another server instance would write. */
    static int sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            return p.executeUpdate();
        }
    }

    static String sqlText(String query, Object... parameters) throws SQLException {
        try (Connection c = database(); PreparedStatement p = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                p.setObject(i + 1, parameters[i]);
            }
            try (var rows = p.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
