package org.fleetdispatch.api.watch;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Server-sent events: each object is the data of an unnamed event (so {@code EventSource.onmessage}
 * gets it); the heartbeat is a comment; the end of a stream the client did not ask for is an event named
 * {@value #CLOSE_EVENT} whose data says why.
 */
public final class SseSink implements Watcher.Sink {

    public static final String CLOSE_EVENT = "close";

    private static final Logger LOG = Logger.getLogger(SseSink.class.getName());

    private final SseEventSink sink;
    private final Sse sse;

    public SseSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void send(String json) throws IOException {
        // text/plain: the data is JSON text already; a JSON writer would quote it as a string
        send(sse.newEventBuilder().mediaType(MediaType.TEXT_PLAIN_TYPE).data(String.class, json).build());
    }

    @Override
    public void heartbeat() throws IOException {
        send(sse.newEventBuilder().comment("heartbeat").build());
    }

    private void send(OutboundSseEvent event) throws IOException {
        if (sink.isClosed()) {
            throw new IOException("event stream closed");
        }
        try {
            sink.send(event).toCompletableFuture().join();
        } catch (CompletionException e) {
            throw new IOException("event stream failed: " + e.getCause(), e.getCause());
        }
        if (sink.isClosed()) {
            throw new IOException("event stream closed while writing");
        }
    }

    @Override
    public void close(Watcher.Closing closing) {
        try {
            if (closing != null && closing.tellClient() && !sink.isClosed()) {
                sink.send(sse.newEventBuilder().name(CLOSE_EVENT).mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(String.class, closing.name() + ": " + closing.message()).build()).toCompletableFuture().join();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Telling a watch client why its stream ends", e);
        } finally {
            try {
                sink.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing an event stream whose client is gone", e);
            }
        }
    }
}
