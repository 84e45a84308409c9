package org.fleetdispatch.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatcherTest {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicLong clock = new AtomicLong(1_000);
    private final AtomicInteger onCloseCalls = new AtomicInteger();

    @AfterEach
    void stopPool() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    /** Records what it is given; may be made to block or to fail. */
    private static final class RecordingSink implements Watcher.Sink {
        final List<String> written = Collections.synchronizedList(new ArrayList<>());
        final List<Watcher.Closing> closed = Collections.synchronizedList(new ArrayList<>());
        volatile CountDownLatch gate;
        final CountDownLatch entered = new CountDownLatch(1);
        volatile boolean gone;

        @Override
        public void send(String json) throws IOException {
            entered.countDown();
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
            if (gone) {
                throw new IOException("broken pipe");
            }
            written.add(json);
        }

        @Override
        public void heartbeat() throws IOException {
            if (gone) {
                throw new IOException("broken pipe");
            }
            written.add("<heartbeat>");
        }

        @Override
        public void close(Watcher.Closing closing) {
            closed.add(closing);
        }
    }

    private Watcher watcher(RecordingSink sink, int capacity) {
        return new Watcher(sink, "me", capacity, pool, w -> onCloseCalls.incrementAndGet(), clock::get);
    }

    @Test
    void theSnapshotComesFirstThenWhatWasOfferedWhileItLoaded() {
        RecordingSink sink = new RecordingSink();
        Watcher watcher = watcher(sink, 10);
        watcher.offer("change-1");
        watcher.start(List.of("snap-a", "snap-b"));
        watcher.offer("change-2");

        await().atMost(DEADLINE).until(() -> sink.written.size() == 4);
        assertThat(sink.written).containsExactly("snap-a", "snap-b", "change-1", "change-2");
        assertThat(sink.closed).isEmpty();
    }

    @Test
    void aClientThatFallsBehindIsClosedWithoutBlockingTheOfferer() throws Exception {
        RecordingSink sink = new RecordingSink();
        sink.gate = new CountDownLatch(1);
        Watcher watcher = watcher(sink, 3);
        watcher.start(List.of());
        watcher.offer("blocked");
        assertThat(sink.entered.await(10, TimeUnit.SECONDS)).as("the writer took it and blocks in send").isTrue();

        // on another thread, so that an offer that waited for the blocked client fails the test instead of hanging it
        CompletableFuture<Void> offers = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 10; i++) {
                watcher.offer("change-" + i);
            }
        });
        assertThatCode(() -> offers.get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .as("offering never waits for the client").doesNotThrowAnyException();
        assertThat(watcher.isClosed()).isTrue();
        assertThat(onCloseCalls).as("stops getting changes at once").hasValue(1);

        sink.gate.countDown();
        await().atMost(DEADLINE).until(() -> !sink.closed.isEmpty());
        assertThat(sink.closed).containsExactly(Watcher.Closing.TOO_SLOW);
        assertThat(sink.written).as("nothing after the frame that was being written").containsExactly("blocked");
    }

    @Test
    void aClientThatWentAwayIsFreedOnce() {
        RecordingSink sink = new RecordingSink();
        Watcher watcher = watcher(sink, 10);
        watcher.start(List.of("snap"));
        await().atMost(DEADLINE).until(() -> sink.written.size() == 1);

        sink.gone = true;
        watcher.offer("change");
        await().atMost(DEADLINE).until(() -> !sink.closed.isEmpty());
        watcher.offer("after");
        watcher.close(Watcher.Closing.SERVER_STOPPING);

        assertThat(sink.closed).containsExactly(Watcher.Closing.CLIENT_GONE);
        assertThat(onCloseCalls).hasValue(1);
    }

    @Test
    void heartbeatsOnlyWhenIdleForTheInterval() {
        RecordingSink sink = new RecordingSink();
        Watcher watcher = watcher(sink, 10);
        watcher.heartbeatIfIdle(100);
        assertThat(sink.written).as("not before the snapshot").isEmpty();

        watcher.start(List.of("snap"));
        await().atMost(DEADLINE).until(() -> sink.written.size() == 1);
        watcher.heartbeatIfIdle(100);
        assertThat(sink.written).as("written just now").hasSize(1);

        clock.addAndGet(150);
        await().atMost(DEADLINE).until(() -> {
            watcher.heartbeatIfIdle(100); // skipped while the writer is still finishing the snapshot
            return sink.written.size() == 2;
        });
        assertThat(sink.written).containsExactly("snap", "<heartbeat>");
    }

    @Test
    void aHeartbeatToAVanishedClientFreesTheWatcher() {
        RecordingSink sink = new RecordingSink();
        Watcher watcher = watcher(sink, 10);
        watcher.start(List.of());
        sink.gone = true;
        clock.addAndGet(1_000);

        await().atMost(DEADLINE).until(() -> {
            watcher.heartbeatIfIdle(100);
            return !sink.closed.isEmpty();
        });
        assertThat(sink.closed).containsExactly(Watcher.Closing.CLIENT_GONE);
        assertThat(onCloseCalls).hasValue(1);
    }

    @Test
    void closingTellsTheSinkWhyAndDropsWhatWaits() {
        RecordingSink sink = new RecordingSink();
        Watcher watcher = watcher(sink, 10);
        watcher.close(Watcher.Closing.FEED_LOST);
        watcher.offer("ignored");
        await().atMost(DEADLINE).until(() -> !sink.closed.isEmpty());
        assertThat(sink.closed).containsExactly(Watcher.Closing.FEED_LOST);
        assertThat(sink.written).isEmpty();
    }

    @Test
    void aStoppedPoolClosesInsteadOfLosingTheStream() {
        RecordingSink sink = new RecordingSink();
        ExecutorService stopped = Executors.newSingleThreadExecutor();
        stopped.shutdown();
        Watcher watcher = new Watcher(sink, null, 10, stopped, w -> onCloseCalls.incrementAndGet(), clock::get);
        watcher.start(List.of("snap"));
        assertThat(sink.closed).containsExactly(Watcher.Closing.SERVER_STOPPING);
        assertThat(onCloseCalls).hasValue(1);
    }
}
