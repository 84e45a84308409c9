package org.fleetdispatch.api.watch;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.jersey.server.ChunkedOutput;

/**
 * Newline-delimited JSON over a chunked response, as Isaac Mission Dispatch streams its watches: one
 * object per line. The heartbeat is a single space: JSON allows whitespace before a value, so every
 * line-by-line JSON reader (Python's {@code iter_lines} + {@code json.loads} among them) skips it, where
 * an empty line would break IMD's client.
 */
public final class NdjsonSink implements Watcher.Sink {

    private static final Logger LOG = Logger.getLogger(NdjsonSink.class.getName());

    private final ChunkedOutput<String> out;

    public NdjsonSink(ChunkedOutput<String> out) {
        this.out = out;
    }

    @Override
    public void send(String json) throws IOException {
        write(json + "\n");
    }

    @Override
    public void heartbeat() throws IOException {
        write(" ");
    }

    private void write(String chunk) throws IOException {
        if (out.isClosed()) {
            throw new IOException("watch stream closed");
        }
        out.write(chunk);
        if (out.isClosed()) {
            throw new IOException("watch stream closed while writing");
        }
    }

    /** Newline-delimited JSON has no place for a reason: the stream just ends, and the server log says why. */
    @Override
    public void close(Watcher.Closing closing) {
        if (closing != null && closing.tellClient()) {
            LOG.info(() -> "Closing a newline-delimited JSON watch stream: " + closing.message());
        }
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a watch stream whose client is gone", e);
        }
    }
}
