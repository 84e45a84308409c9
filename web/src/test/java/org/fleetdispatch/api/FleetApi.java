package org.fleetdispatch.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The REST API as a test client sees it: JSON in, JSON out, errors as they come. */
final class FleetApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    /** Payara Micro reports its URL with the host's address but listens on loopback only. */
    FleetApi(URL arquillianBase) throws Exception {
        String context = arquillianBase.getPath().endsWith("/") ? arquillianBase.getPath() : arquillianBase.getPath() + "/";
        this.base = new URI("http", null, "127.0.0.1", arquillianBase.getPort(), context, null, null);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A streaming GET: the body as lines, read as they come. */
    HttpResponse<java.util.stream.Stream<String>> lines(String path) throws java.io.IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "application/x-ndjson").build(),
                HttpResponse.BodyHandlers.ofLines());
    }

    HttpResponse<String> put(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** POSTs and insists on a 2xx answer. */
    JsonObject create(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, body);
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return object(response.body());
    }

    JsonObject object(String path, boolean fetch) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return object(response.body());
    }

    JsonObject mission(String name) throws Exception {
        return object("mission/" + name, true);
    }

    JsonObject robot(String name) throws Exception {
        return object("robot/" + name, true);
    }

    static JsonObject object(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static JsonArray array(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readArray();
        }
    }
}
