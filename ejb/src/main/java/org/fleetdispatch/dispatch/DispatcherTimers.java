package org.fleetdispatch.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.platform.Worker;

/**
 * The dispatcher's clock: every second it writes the robots' statuses that arrived on the fast path,
 * fails overdue missions, takes silent robots offline and starts whatever can start; every five seconds
 * it re-sends unanswered instant actions and resumes notify calls; on its first pass it re-sends the
 * orders of running missions. Changes that make a start possible also trigger one right after they commit.
 * <p>
 * Resuming is not done in {@code @PostConstruct}: that runs while the container initialises the startup
 * singletons one by one, and robots' state messages are already arriving then. A state message that
 * holds a robot's row lock and needs a singleton not yet initialised waits for the initialisation, which
 * waits for the row lock: Payara Micro hung at startup that way.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DispatcherTimers {

    private static final Logger LOG = Logger.getLogger(DispatcherTimers.class.getName());

    @Inject
    private DispatchSweeps sweeps;

    @Inject
    private RobotStatusWriter states;

    @Inject
    private Notifier notifier;

    @Resource
    private ManagedThreadFactory threads;

    /** Robots whose queue changed since the starter last ran, and whether a mission without a robot came. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean unassigned = new AtomicBoolean();
    private Worker starter;

    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean slowTicking = new AtomicBoolean();
    private final AtomicBoolean resumed = new AtomicBoolean();

    @PostConstruct
    void start() {
        starter = new Worker(threads, "fleetdispatch-starter", this::startQueued);
    }

    @PreDestroy
    void stop() {
        starter.close();
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void everySecond() {
        if (!ticking.compareAndSet(false, true)) {
            return; // the previous pass is still running
        }
        try {
            if (!resumed.get()) {
                resume();
            }
            flushStatuses();
            sweeps.expireOverdue();
            sweeps.heartbeats();
            startEverythingPossible();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dispatcher pass failed; the next one retries", e);
        } finally {
            ticking.set(false);
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void everyFiveSeconds() {
        if (!slowTicking.compareAndSet(false, true)) {
            return;
        }
        try {
            sweeps.resendInstantActions();
            sweeps.deletePending();
            sweeps.runningNotifies().forEach(notifier::resume);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Dispatcher slow pass failed; the next one retries", e);
        } finally {
            slowTicking.set(false);
        }
    }

    /** Re-sends the orders of running missions and restarts their notify calls, once per server start. */
    private void resume() {
        try {
            sweeps.resumeRunning().forEach(notifier::resume);
            resumed.set(true);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Resuming running missions failed; the next pass retries", e);
        }
    }

    /** A robot may be able to start a mission: try right after the change committed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void queueChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) QueueChanged change) {
        if (change.robot() == null) {
            unassigned.set(true);
        } else {
            queued.add(change.robot());
        }
        starter.wake();
    }

    private void startQueued() {
        for (Iterator<String> robots = queued.iterator(); robots.hasNext(); ) {
            String robot = robots.next();
            robots.remove();
            try {
                sweeps.startNext(robot);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Immediate start failed; the next sweep retries", e);
            }
        }
        if (unassigned.getAndSet(false)) {
            try {
                sweeps.assignNext();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Immediate assignment failed; the next sweep retries", e);
            }
        }
    }

    private void flushStatuses() {
        for (List<RobotFeed.Pending> batch : states.pendingBatches()) {
            try {
                states.flush(batch);
            } catch (RuntimeException e) {
                batch.forEach(p -> p.entry().restore(p.report()));
                LOG.log(Level.FINE, "Status flush of a batch failed; the next flush retries it", e);
            }
        }
    }

    private void startEverythingPossible() {
        for (String robot : sweeps.robotsWithQueuedMissions()) {
            sweeps.startNext(robot);
        }
        for (int i = 0; i < 100 && sweeps.assignNext(); i++) {
            // one mission per transaction, until no idle robot or no unassigned mission is left
        }
    }
}
