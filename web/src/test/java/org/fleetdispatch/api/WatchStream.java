package org.fleetdispatch.api;

import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A watch stream read on a thread of its own into a queue, so that a test can wait for what it expects
 * with a deadline. Reads newline-delimited JSON, or server-sent events (each event's data as one item;
 * an event named other than "message" arrives as {@code <name>: <data>}).
 */
final class WatchStream implements AutoCloseable {

    /** What the queue holds once the server ended the stream. */
    static final String END = "<end of stream>";

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> items = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private WatchStream(HttpResponse<Stream<String>> response, boolean sse) {
        this.response = response;
        this.reader = new Thread(() -> pump(sse), "watch-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static WatchStream open(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        boolean sse = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
        return new WatchStream(response, sse);
    }

    int status() {
        return response.statusCode();
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private void pump(boolean sse) {
        try (Stream<String> lines = response.body()) {
            StringBuilder data = new StringBuilder();
            String event = null;
            for (var it = lines.iterator(); it.hasNext(); ) {
                String line = it.next();
                if (!sse) {
                    items.add(line);
                } else if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        items.add(event == null ? data.toString() : event + ": " + data);
                    }
                    data.setLength(0);
                    event = null;
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                }
            }
        } catch (RuntimeException e) {
            // the test closed the stream, or the connection broke: either way it has ended
        } finally {
            ended = true;
            items.add(END);
        }
    }

    /** The next item (JSON line or event), or {@code null} when none came within the deadline. */
    String next(Duration deadline) throws InterruptedException {
        String item = items.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (item != null) {
            seen.add(item);
        }
        return item;
    }

    /** Reads until an object matches, failing at the deadline or the end of the stream. */
    JsonObject until(Predicate<JsonObject> wanted, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            String item = next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (item == null || item == END) {
                break;
            }
            if (item.isBlank() || !item.strip().startsWith("{")) {
                continue;
            }
            JsonObject object = Api.object(item);
            if (wanted.test(object)) {
                return object;
            }
        }
        throw new AssertionError("no matching object within " + deadline + "; seen: " + seen);
    }

    /** Everything read so far, in order. */
    List<String> seen() {
        return List.copyOf(seen);
    }

    boolean hasEnded() {
        return ended;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
