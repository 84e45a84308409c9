package org.fleetdispatch.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One long-lived thread of the application (from the container's {@link ManagedThreadFactory}, so it may call
 * enterprise beans) that runs a task whenever it is woken; wake-ups that arrive while the task runs make it run
 * once more, never queue up.
 *
 * <p>Why not {@code ManagedExecutorService.execute} per wake-up: Payara captures the caller's context for every
 * task it accepts, with a {@code ServiceLoader} scan of the class path each time; in a profile of mission
 * submissions that was 15 % of the request threads' CPU. A worker captures the context once.
 */
public final class Worker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Worker.class.getName());

    private final Semaphore woken = new Semaphore(0);
    private final Thread thread;
    private volatile boolean closed;

    /**
     * Starts the thread. Call it from a bean of the application (its context is the thread's).
     *
     * @param task runs on the worker thread after each wake-up; an exception is logged and the worker goes on
     */
    public Worker(ManagedThreadFactory threads, String name, Runnable task) {
        thread = threads.newThread(() -> loop(task));
        thread.setName(name);
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(Runnable task) {
        while (!closed) {
            try {
                woken.acquire();
                woken.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, thread.getName() + " failed; it runs again on the next wake-up", e);
            }
        }
    }

    /** Makes the task run soon: now if the worker is idle, once more after the current run if not. */
    public void wake() {
        if (woken.availablePermits() == 0) {
            woken.release();
        }
    }

    /** Stops the thread after the task's current run, interrupting it if that takes more than ten seconds. */
    @Override
    public void close() {
        closed = true;
        woken.release();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
            if (thread.isAlive()) {
                thread.interrupt(); // a task stuck that long (a broker that never answers) is abandoned
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
