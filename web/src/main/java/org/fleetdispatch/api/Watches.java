package org.fleetdispatch.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.function.Supplier;
import org.fleetdispatch.api.watch.NdjsonSink;
import org.fleetdispatch.api.watch.SseSink;
import org.fleetdispatch.api.watch.WatchHub;
import org.fleetdispatch.api.watch.Watcher;
import org.fleetdispatch.watch.Kind;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * The two watch endpoints' shared steps: refuse while changes cannot be promised, open the watcher
 * before loading the snapshot (so that no change falls between the two), then start it.
 */
final class Watches {

    /** Newline-delimited JSON (one object per line), the watch format of Isaac Mission Dispatch. */
    static final String NDJSON = "application/x-ndjson";

    private Watches() {
    }

    static Response ndjson(WatchHub hub, Kind kind, String publisherId, Supplier<List<String>> snapshot) {
        requireAvailable(hub);
        ChunkedOutput<String> out = new ChunkedOutput<>(String.class);
        start(hub.open(kind, new NdjsonSink(out), publisherId), snapshot);
        return Response.ok(out)
                .header("Cache-Control", "no-cache")
                .header("X-Accel-Buffering", "no") // tells reverse proxies (nginx) not to hold lines back
                .build();
    }

    static void sse(WatchHub hub, Kind kind, String publisherId, SseEventSink sink, Sse sse, Supplier<List<String>> snapshot) {
        requireAvailable(hub);
        start(hub.open(kind, new SseSink(sink, sse), publisherId), snapshot);
    }

    private static void requireAvailable(WatchHub hub) {
        if (!hub.isAvailable()) {
            throw new ApiException(Response.Status.SERVICE_UNAVAILABLE, "WATCH_UNAVAILABLE",
                    "The server is not receiving changes from the database right now, so it cannot promise a complete"
                            + " stream; retry in a moment");
        }
    }

    private static void start(Watcher watcher, Supplier<List<String>> snapshot) {
        try {
            watcher.start(snapshot.get());
        } catch (RuntimeException e) {
            watcher.close(Watcher.Closing.NOT_STARTED);
            throw e;
        }
    }
}
