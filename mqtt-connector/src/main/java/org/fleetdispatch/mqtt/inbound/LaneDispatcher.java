package org.fleetdispatch.mqtt.inbound;

import org.fleetdispatch.mqtt.MqttMessageRejectedException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.mqtt.internal.Backoff;
import org.fleetdispatch.mqtt.internal.Durations;

/**
 * Delivers items in order per key (an MQTT topic) and concurrently across keys.
 *
 * <p>Keys hash onto a fixed set of <em>lanes</em>. A lane is a FIFO queue that at most one worker
 * drains at a time, so items of one key are processed strictly in arrival order; at most
 * {@code maxConcurrency} workers run at once, each on a different lane, and a worker yields its lane
 * after a short batch so that busy lanes take turns. A failed item stays at the head of its lane: the
 * lane waits out the retry backoff on a timer (holding no worker, so other lanes go on), then the item
 * is tried again; after {@code maxRetries} retries it is dead-lettered, and only then does the lane
 * move on. Failing to dead-letter is retried the same way: nothing is skipped.
 *
 * <p>All lanes together hold at most {@code capacity} items; {@link #submit} blocks while they are
 * full, which, called from the MQTT client's reading thread, stops reading from the broker: the
 * backpressure never drops anything.
 *
 * @param <T> the item type
 */
public final class LaneDispatcher<T> {

    private static final Logger LOG = Logger.getLogger(LaneDispatcher.class.getName());
    private static final int BATCH = 32;

    /** What the dispatcher does with an item. */
    public interface Processor<T> {
        /** Processes the item; throwing means it was not processed. {@code attempt} starts at 1. */
        void deliver(T item, int attempt) throws Exception;

        /** Sets the item aside for good, with the reason; throwing means that did not happen. */
        void deadLetter(T item, Throwable lastFailure, int attempts) throws Exception;

        /** The item was delivered or dead-lettered: acknowledge it. Must not throw. */
        void completed(T item);

        /** Whether a failure is not the item's fault (e.g. the endpoint is not available yet): such
         * failures are retried without limit and never dead-letter the item. */
        default boolean isTransient(Throwable failure) {
            return false;
        }
    }

    private final String name;
    private final Lane[] lanes;
    private final int maxConcurrency;
    private final int capacity;
    private final int maxRetries;
    private final Backoff backoff;
    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Processor<T> processor;

    private final ConcurrentLinkedQueue<Lane> ready = new ConcurrentLinkedQueue<>();
    private final AtomicInteger activeWorkers = new AtomicInteger();
    private final ReentrantLock countLock = new ReentrantLock();
    private final Condition notFull = countLock.newCondition();
    private final Condition idle = countLock.newCondition();
    private int count;
    private volatile boolean stopping;

    public LaneDispatcher(String name, int lanes, int maxConcurrency, int capacity, int maxRetries, Backoff backoff,
            Executor executor, ScheduledExecutorService scheduler, Processor<T> processor) {
        if (lanes < 1 || maxConcurrency < 1 || capacity < 1 || maxRetries < 0) {
            throw new IllegalArgumentException("lanes, maxConcurrency and capacity must be positive, maxRetries >= 0");
        }
        this.name = name;
        this.lanes = new LaneDispatcher.Lane[lanes];
        for (int i = 0; i < lanes; i++) {
            this.lanes[i] = new Lane(i);
        }
        this.maxConcurrency = maxConcurrency;
        this.capacity = capacity;
        this.maxRetries = maxRetries;
        this.backoff = backoff;
        this.executor = executor;
        this.scheduler = scheduler;
        this.processor = processor;
    }

    /** The lane a key goes to. */
    public int laneOf(String key) {
        int h = key.hashCode();
        h ^= h >>> 16;
        return Math.floorMod(h * 0x9E3779B1, lanes.length);
    }

    /**
     * Queues an item behind the earlier items of its key; blocks while {@code capacity} items are
     * pending.
     *
     * @return {@code false} when the dispatcher is stopping: the item was not taken
     */
    public boolean submit(String key, T item) throws InterruptedException {
        countLock.lockInterruptibly();
        try {
            while (count >= capacity && !stopping) {
                notFull.await(200, TimeUnit.MILLISECONDS);
            }
            if (stopping) {
                return false;
            }
            count++;
        } finally {
            countLock.unlock();
        }
        Lane lane = lanes[laneOf(key)];
        boolean schedule;
        synchronized (lane) {
            lane.queue.add(new Entry<>(item));
            schedule = lane.state == State.IDLE;
            if (schedule) {
                lane.state = State.READY;
            }
        }
        if (schedule) {
            ready.add(lane);
            startWorkers();
        }
        return true;
    }

    /** Items taken and not yet completed. */
    public int pending() {
        countLock.lock();
        try {
            return count;
        } finally {
            countLock.unlock();
        }
    }

    /**
     * Stops taking items and starting deliveries, and waits until running deliveries finished.
     * Items not delivered stay unacknowledged: the broker sends them again to the next session.
     *
     * @return whether every worker finished in time
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        countLock.lock();
        try {
            notFull.signalAll();
            while (activeWorkers.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                idle.awaitNanos(left);
            }
            return true;
        } finally {
            countLock.unlock();
        }
    }

    private void startWorkers() {
        while (!stopping && !ready.isEmpty()) {
            int n = activeWorkers.get();
            if (n >= maxConcurrency) {
                return;
            }
            if (activeWorkers.compareAndSet(n, n + 1)) {
                try {
                    executor.execute(this::work);
                } catch (RejectedExecutionException e) {
                    workerDone();
                    LOG.log(Level.WARNING, name + ": no thread for a delivery worker, trying again in 1s", e);
                    scheduler.schedule(this::startWorkers, 1, TimeUnit.SECONDS);
                    return;
                }
            }
        }
    }

    private void work() {
        try {
            Lane lane;
            while (!stopping && (lane = ready.poll()) != null) {
                drain(lane);
            }
        } finally {
            workerDone();
        }
        if (!ready.isEmpty()) {
            startWorkers();
        }
    }

    private void workerDone() {
        activeWorkers.decrementAndGet();
        countLock.lock();
        try {
            idle.signalAll();
        } finally {
            countLock.unlock();
        }
    }

    private void drain(Lane lane) {
        synchronized (lane) {
            lane.state = State.RUNNING;
        }
        for (int n = 0; n < BATCH && !stopping; n++) {
            Entry<T> e;
            synchronized (lane) {
                e = lane.queue.peek();
                if (e == null) {
                    lane.state = State.IDLE;
                    return;
                }
            }
            Duration retryIn = process(e);
            if (retryIn != null) {
                waitThenResume(lane, retryIn);
                return;
            }
            synchronized (lane) {
                lane.queue.poll();
            }
            processor.completed(e.item);
            countLock.lock();
            try {
                count--;
                notFull.signal();
            } finally {
                countLock.unlock();
            }
        }
        boolean requeue;
        synchronized (lane) {
            requeue = !lane.queue.isEmpty();
            lane.state = requeue ? State.READY : State.IDLE;
        }
        if (requeue) {
            ready.add(lane);
        }
    }

    /** @return {@code null} when the item is done, else how long its lane waits before trying again */
    private Duration process(Entry<T> e) {
        if (!e.deadLettering) {
            try {
                processor.deliver(e.item, e.attempts + 1);
                return null;
            } catch (Throwable t) {
                if (processor.isTransient(t)) {
                    e.transientFailures++;
                    LOG.log(e.transientFailures == 1 ? Level.WARNING : Level.FINE,
                            name + ": delivery not possible now, will retry: " + t);
                    return backoff.delay(e.transientFailures);
                }
                e.attempts++;
                e.lastFailure = t;
                if (MqttMessageRejectedException.isRejection(t)) {
                    LOG.log(Level.WARNING, name + ": message rejected by the endpoint, dead-lettering without retries: " + t);
                    e.deadLettering = true;
                } else if (e.attempts <= maxRetries) {
                    Duration d = backoff.delay(e.attempts);
                    LOG.log(Level.WARNING, name + ": delivery attempt " + e.attempts + " of " + (maxRetries + 1)
                            + " failed, retrying in " + Durations.format(d) + ": " + t, t);
                    return d;
                } else {
                    LOG.log(Level.SEVERE, name + ": delivery failed " + e.attempts + " times, dead-lettering: " + t, t);
                    e.deadLettering = true;
                }
            }
        }
        try {
            processor.deadLetter(e.item, e.lastFailure, e.attempts);
            return null;
        } catch (Throwable t) {
            e.deadLetterFailures++;
            Duration d = backoff.delay(e.deadLetterFailures);
            LOG.log(Level.SEVERE, name + ": dead-lettering failed (attempt " + e.deadLetterFailures + "), retrying in "
                    + Durations.format(d) + ": " + t, t);
            return d;
        }
    }

    private void waitThenResume(Lane lane, Duration delay) {
        synchronized (lane) {
            lane.state = State.WAITING;
        }
        scheduler.schedule(() -> {
            synchronized (lane) {
                lane.state = State.READY;
            }
            ready.add(lane);
            startWorkers();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private enum State { IDLE, READY, RUNNING, WAITING }

    private final class Lane {
        final int index;
        final ArrayDeque<Entry<T>> queue = new ArrayDeque<>();
        State state = State.IDLE;

        Lane(int index) {
            this.index = index;
        }

        @Override
        public String toString() {
            return "lane " + index;
        }
    }

    private static final class Entry<T> {
        final T item;
        int attempts;
        int transientFailures;
        int deadLetterFailures;
        boolean deadLettering;
        Throwable lastFailure;

        Entry(T item) {
            this.item = item;
        }
    }
}
