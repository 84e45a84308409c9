package org.fleetdispatch.api.watch;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One client's watch stream: a snapshot, then changes, written in order by at most one pool thread at
 * a time. Offering never blocks: a watcher more than {@code capacity} frames behind is closed with
 * {@link Closing#TOO_SLOW} instead.
 */
public final class Watcher {

    /** How a stream frames what it is given (newline-delimited JSON, server-sent events). */
    public interface Sink {
        /** Writes one object; throws when the client is gone. May block while the client is slow. */
        void send(String json) throws IOException;

        /** Writes something every client ignores, so that a dead connection shows and proxies keep it open. */
        void heartbeat() throws IOException;

        /** Ends the stream; says why when {@code closing.tellClient()}. Never throws. */
        void close(Closing closing);
    }

    /** Why a stream ends. */
    public enum Closing {
        CLIENT_GONE("the client disconnected", false),
        NOT_STARTED("the snapshot could not be loaded", false),
        TOO_SLOW("the client read too slowly and fell too far behind; reconnect to get a fresh snapshot", true),
        FEED_LOST("the server lost its change feed from the database; reconnect to get a fresh snapshot", true),
        SERVER_STOPPING("the server is stopping", true);

        private final String message;
        private final boolean tellClient;

        Closing(String message, boolean tellClient) {
            this.message = message;
            this.tellClient = tellClient;
        }

        public String message() {
            return message;
        }

        public boolean tellClient() {
            return tellClient;
        }
    }

    /** Marks a heartbeat in the queue; compared by identity. */
    private static final String HEARTBEAT = new String("heartbeat");

    private final Sink sink;
    private final String publisherId;
    private final int capacity;
    private final Executor writer;
    private final Consumer<Watcher> onClose;
    private final LongSupplier clock;

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicReference<Closing> closing = new AtomicReference<>();
    private final AtomicBoolean sinkClosed = new AtomicBoolean();
    private volatile List<String> snapshot;
    private volatile long lastWrite;

    /**
     * @param publisherId changes made only by this publisher are not offered (may be {@code null})
     * @param onClose     called once, as soon as the watcher starts closing, to stop offering it changes
     * @param clock       milliseconds, for heartbeats
     */
    public Watcher(Sink sink, String publisherId, int capacity, Executor writer, Consumer<Watcher> onClose, LongSupplier clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.sink = sink;
        this.publisherId = publisherId;
        this.capacity = capacity;
        this.writer = writer;
        this.onClose = onClose;
        this.clock = clock;
        this.lastWrite = clock.getAsLong();
    }

    public String publisherId() {
        return publisherId;
    }

    public boolean isClosed() {
        return closing.get() != null;
    }

    /**
     * Starts writing: the snapshot first, then whatever was offered since the watcher was opened (which
     * may repeat an object of the snapshot; a later line for an object always supersedes an earlier one).
     */
    public void start(List<String> snapshotFrames) {
        snapshot = List.copyOf(snapshotFrames);
        schedule();
    }

    /** Queues a change; closes the watcher instead when it is {@code capacity} frames behind. Never blocks. */
    public void offer(String json) {
        if (isClosed()) {
            return;
        }
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            close(Closing.TOO_SLOW);
            return;
        }
        queue.add(json);
        schedule();
    }

    /** Queues a heartbeat when nothing was written for {@code intervalMillis} and nothing waits. */
    public void heartbeatIfIdle(long intervalMillis) {
        if (isClosed() || snapshot == null) {
            return; // closed, or not started: the snapshot is still loading
        }
        if (queued.get() == 0 && !writing.get() && clock.getAsLong() - lastWrite >= intervalMillis) {
            queued.incrementAndGet();
            queue.add(HEARTBEAT);
            schedule();
        }
    }

    /** Stops the stream: what is queued is dropped, the client is told why (when it is still there). */
    public void close(Closing why) {
        if (closing.compareAndSet(null, why)) {
            onClose.accept(this);
            schedule();
        }
    }

    private void schedule() {
        if (snapshot == null && !isClosed()) {
            return;
        }
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::write);
            } catch (RejectedExecutionException e) {
                writing.set(false);
                if (closing.compareAndSet(null, Closing.SERVER_STOPPING)) {
                    onClose.accept(this);
                }
                finish();
            }
        }
    }

    private void write() {
        try {
            while (!isClosed()) {
                List<String> first = snapshot;
                if (first != null && !first.isEmpty()) {
                    snapshot = List.of();
                    for (String json : first) {
                        if (isClosed()) {
                            break;
                        }
                        sink.send(json);
                    }
                    lastWrite = clock.getAsLong();
                    continue;
                }
                String next = queue.poll();
                if (next == null) {
                    break;
                }
                queued.decrementAndGet();
                if (next == HEARTBEAT) {
                    sink.heartbeat();
                } else {
                    sink.send(next);
                }
                lastWrite = clock.getAsLong();
            }
        } catch (IOException | RuntimeException e) {
            close(Closing.CLIENT_GONE);
        } finally {
            if (isClosed()) {
                finish();
            }
            writing.set(false);
        }
        // Something may have been offered after the last poll but before the flag was released.
        if (!queue.isEmpty() || (isClosed() && !sinkClosed.get())) {
            schedule();
        }
    }

    private void finish() {
        if (sinkClosed.compareAndSet(false, true)) {
            queue.clear();
            queued.set(0);
            sink.close(closing.get());
        }
    }
}
