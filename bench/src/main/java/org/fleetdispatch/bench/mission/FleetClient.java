package org.fleetdispatch.bench.mission;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;

/** The server's REST API and {@code /metrics}, as any client sees them. */
final class FleetClient {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    FleetClient(URI base) {
        this.base = base;
    }

    /**
     * POSTs every body to {@code path}, at most {@code parallel} at a time, and waits for all.
     *
     * @throws IOException naming the first request the server did not answer with 201
     */
    void createAll(String path, List<String> bodies, int parallel) throws IOException, InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        List<CompletableFuture<String>> answers = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            slots.acquire();
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            answers.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, e) -> slots.release())
                    .thenApply(r -> r.statusCode() == 201 ? null
                            : "POST /" + path + " " + body + " answered " + r.statusCode() + ": " + r.body()));
        }
        for (CompletableFuture<String> answer : answers) {
            try {
                String failure = answer.get();
                if (failure != null) {
                    throw new IOException(failure);
                }
            } catch (ExecutionException e) {
                throw new IOException("POST /" + path + " failed: " + e.getCause(), e.getCause());
            }
        }
    }

    /** The application's metrics, {@code GET /metrics?scope=application}. */
    Metrics metrics() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("metrics?scope=application"))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "text/plain")
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IOException("GET /metrics answered " + answer.statusCode() + ": " + answer.body());
        }
        return Metrics.parse(answer.body());
    }
}
