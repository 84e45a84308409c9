package org.fleetdispatch.mqtt.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.fleetdispatch.mqtt.internal.Backoff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LaneDispatcherTest {

    record Msg(String topic, int seq) {
    }

    final ExecutorService workers = Executors.newCachedThreadPool();
    final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    final List<Msg> delivered = new CopyOnWriteArrayList<>();
    final List<Msg> completed = new CopyOnWriteArrayList<>();
    final List<Msg> deadLettered = new CopyOnWriteArrayList<>();
    final Map<Msg, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @AfterEach
    void shutdown() {
        workers.shutdownNow();
        timers.shutdownNow();
    }

    LaneDispatcher<Msg> dispatcher(int lanes, int concurrency, int capacity, int maxRetries, Consumer<Msg> body) {
        return dispatcher(lanes, concurrency, capacity, maxRetries, body, m -> { });
    }

    LaneDispatcher<Msg> dispatcher(int lanes, int concurrency, int capacity, int maxRetries, Consumer<Msg> body,
            Consumer<Msg> deadLetter) {
        return new LaneDispatcher<>("test", lanes, concurrency, capacity, maxRetries,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)), workers, timers,
                new LaneDispatcher.Processor<>() {
                    @Override
                    public void deliver(Msg item, int attempt) {
                        attempts.computeIfAbsent(item, k -> new AtomicInteger()).incrementAndGet();
                        body.accept(item);
                        delivered.add(item);
                    }

                    @Override
                    public void deadLetter(Msg item, Throwable lastFailure, int n) {
                        deadLetter.accept(item);
                        deadLettered.add(item);
                    }

                    @Override
                    public void completed(Msg item) {
                        completed.add(item);
                    }
                });
    }

    @Test
    void keepsArrivalOrderPerKeyAndRunsKeysConcurrently() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        LaneDispatcher<Msg> d = dispatcher(8, 3, 10_000, 0, m -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            running.decrementAndGet();
        });
        for (int i = 0; i < 500; i++) {
            for (int t = 0; t < 20; t++) {
                d.submit("t" + t, new Msg("t" + t, i));
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> completed.size() == 10_000);
        for (int t = 0; t < 20; t++) {
            String topic = "t" + t;
            assertThat(completed.stream().filter(m -> m.topic().equals(topic)).map(Msg::seq).toList())
                    .isEqualTo(java.util.stream.IntStream.range(0, 500).boxed().toList());
        }
        assertThat(maxRunning.get()).isLessThanOrEqualTo(3);
        assertThat(d.pending()).isZero();
    }

    @Test
    void aSlowLaneDoesNotStallTheOthers() throws Exception {
        CountDownLatch slowRelease = new CountDownLatch(1);
        LaneDispatcher<Msg> d = dispatcher(16, 2, 1000, 0, m -> {
            if (m.topic().equals("slow")) {
                try {
                    slowRelease.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        String other = otherLane(d, "slow");
        d.submit("slow", new Msg("slow", 0));
        d.submit("slow", new Msg("slow", 1));
        for (int i = 0; i < 100; i++) {
            d.submit(other, new Msg(other, i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.stream().filter(m -> m.topic().equals(other))
                .count() == 100);
        assertThat(completed).noneMatch(m -> m.topic().equals("slow"));
        slowRelease.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 102);
    }

    @Test
    void aRetryingLaneHoldsNoWorker() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        LaneDispatcher<Msg> d = new LaneDispatcher<>("test", 16, 1, 1000, 1000,
                new Backoff(Duration.ofMillis(200), Duration.ofMillis(200)), workers, timers,
                new LaneDispatcher.Processor<>() {
                    @Override
                    public void deliver(Msg item, int attempt) {
                        if (item.topic().equals("bad") && fail.get()) {
                            throw new IllegalStateException("not yet");
                        }
                        delivered.add(item);
                    }

                    @Override
                    public void deadLetter(Msg item, Throwable lastFailure, int n) {
                    }

                    @Override
                    public void completed(Msg item) {
                        completed.add(item);
                    }
                });
        String other = otherLane(d, "bad");
        d.submit("bad", new Msg("bad", 0));
        for (int i = 0; i < 50; i++) {
            d.submit(other, new Msg(other, i));
        }
        // One worker only: the other lane finishes while "bad" waits out its backoff.
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 50);
        fail.set(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 51);
    }

    @Test
    void retriesAFailingItemThenGoesOnInOrder() throws Exception {
        LaneDispatcher<Msg> d = dispatcher(4, 2, 100, 5, m -> {
            if (m.seq() == 0 && attempts.get(m).get() <= 3) {
                throw new IllegalStateException("flaky");
            }
        });
        for (int i = 0; i < 5; i++) {
            d.submit("k", new Msg("k", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 5);
        assertThat(completed).extracting(Msg::seq).containsExactly(0, 1, 2, 3, 4);
        assertThat(attempts.get(new Msg("k", 0)).get()).isEqualTo(4);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void deadLettersAfterTheRetriesAndAcknowledgesIt() throws Exception {
        LaneDispatcher<Msg> d = dispatcher(4, 2, 100, 2, m -> {
            if (m.seq() == 1) {
                throw new IllegalArgumentException("poison");
            }
        });
        for (int i = 0; i < 3; i++) {
            d.submit("k", new Msg("k", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 3);
        assertThat(deadLettered).containsExactly(new Msg("k", 1));
        assertThat(attempts.get(new Msg("k", 1)).get()).isEqualTo(3);
        assertThat(completed).extracting(Msg::seq).containsExactly(0, 1, 2);
    }

    @Test
    void aRejectedMessageIsDeadLetteredAtOnceEvenWhenWrapped() throws Exception {
        LaneDispatcher<Msg> d = dispatcher(4, 2, 100, 5, m -> {
            if (m.seq() == 1) {
                // as a container would hand it over: wrapped
                throw new RuntimeException("EJB system exception",
                        new org.fleetdispatch.mqtt.MqttMessageRejectedException("not JSON"));
            }
        });
        for (int i = 0; i < 3; i++) {
            d.submit("k", new Msg("k", i));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 3);
        assertThat(deadLettered).containsExactly(new Msg("k", 1));
        assertThat(attempts.get(new Msg("k", 1)).get()).isEqualTo(1);
        assertThat(completed).extracting(Msg::seq).containsExactly(0, 1, 2);
    }

    @Test
    void keepsTryingToDeadLetterUntilItWorksAndSkipsNothing() throws Exception {
        AtomicInteger deadLetterAttempts = new AtomicInteger();
        LaneDispatcher<Msg> d = dispatcher(4, 2, 100, 0, m -> {
            throw new IllegalArgumentException("poison");
        }, m -> {
            if (deadLetterAttempts.incrementAndGet() < 3) {
                throw new IllegalStateException("broker down");
            }
        });
        d.submit("k", new Msg("k", 0));
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 1);
        assertThat(deadLetterAttempts.get()).isEqualTo(3);
        assertThat(deadLettered).hasSize(1);
    }

    @Test
    void blocksTheSubmitterWhenFullAndNeverDrops() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        LaneDispatcher<Msg> d = dispatcher(4, 1, 5, 0, m -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger submitted = new AtomicInteger();
        Thread submitter = new Thread(() -> {
            try {
                for (int i = 0; i < 20; i++) {
                    d.submit("k" + (i % 3), new Msg("k" + (i % 3), i));
                    submitted.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        submitter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> submitted.get() == 5 && d.pending() == 5);
        assertThat(submitter.getState()).isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING);
        gate.countDown();
        submitter.join(10_000);
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.size() == 20);
        assertThat(completed).extracting(Msg::seq).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 20).boxed().toList());
    }

    @Test
    void stopRefusesNewItemsAndLeavesUndeliveredOnesUnacknowledged() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        LaneDispatcher<Msg> d = dispatcher(4, 1, 100, 0, m -> {
            try {
                gate.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        d.submit("k", new Msg("k", 0));
        d.submit("k", new Msg("k", 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.containsKey(new Msg("k", 0)));
        Thread stopper = new Thread(() -> {
            try {
                d.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> !d.submit("k", new Msg("k", 2)));
        gate.countDown();
        stopper.join(10_000);
        assertThat(completed).containsExactly(new Msg("k", 0));
        assertThat(attempts).doesNotContainKey(new Msg("k", 1));
    }

    private static String otherLane(LaneDispatcher<?> d, String key) {
        for (int i = 0; ; i++) {
            if (d.laneOf("other" + i) != d.laneOf(key)) {
                return "other" + i;
            }
        }
    }
}
