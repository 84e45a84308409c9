package org.fleetdispatch.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.fleetdispatch.robot.RobotReport;
import org.fleetdispatch.vda5050.Order;
import org.fleetdispatch.vda5050.State;

/**
 * What this server instance last heard from each robot, so that a state message that changes nothing
 * but the pose and the battery costs no database round trip.
 *
 * <p>Robots publish state up to 10 times a second; the database sees a robot's status at most once per
 * flush (every second), plus immediately whenever the state says something the dispatcher must act on
 * (an order accepted by a robot this instance did not send it from, finished or failed, a task waypoint
 * passed, action states, errors, operating mode, charging). Nothing here is needed by another instance: it
 * is a cache of what is, or soon will be, in PostgreSQL.
 */
@ApplicationScoped
public class RobotFeed {

    /** How long an unknown identity is remembered as unknown before the database is asked again. */
    private static final Duration FORGET_UNKNOWN = Duration.ofSeconds(5);

    /** One robot as this instance knows it. */
    public static final class Entry {
        private final String name;
        private final Instant known;
        private volatile Settled settled;
        private final AtomicReference<RobotReport> pending = new AtomicReference<>();

        Entry(String name, Instant known) {
            this.name = name;
            this.known = known;
        }

        /** The robot's name, or {@code null} when no managed robot has this identity. */
        public String name() {
            return name;
        }

        /**
         * Takes a state report on the fast path when nothing the dispatcher acts on changed: the robot part of
         * the state is as the last slow path left it, and so is the order progress, or the progress is the
         * routine kind (see {@link Settled#routine}).
         *
         * @return whether it was taken; if not, the caller must take the slow path
         */
        public boolean offer(State state, StateDigest digest, RobotReport report) {
            Settled s = settled;
            if (s != null && s.robot().equals(digest.robot())
                    && (s.progress().equals(digest.progress()) || s.routine(state))) {
                pending.set(report);
                return true;
            }
            return false;
        }

        /**
         * Whether a state the fast path did not take says nothing new but task waypoints passed on the order the
         * mission waits on: the robot half is as settled, the robot drives that very order and has neither finished
         * nor failed it. Such a state only changes the mission's {@code task_status}; the robot's status can wait
         * for the flush like any fast-path report.
         */
        public boolean onlyTasksPassed(State state, StateDigest digest) {
            Settled s = settled;
            return s != null && s.robot().equals(digest.robot()) && s.tasksPassed(state);
        }

        /** Keeps a report for the next flush, for a state whose transaction did not write the robot. */
        public void pending(RobotReport report) {
            pending.set(report);
        }

        /**
         * The slow path committed after this state; {@code order} is what the robot's mission now waits on.
         *
         * @param stamped       the state's own timestamp (the robot's clock)
         * @param robotHasOrder whether the robot has {@code order} as of that state: the state shows it, or the
         *                      transaction sent it in reply to the state
         */
        public void settled(StateDigest digest, RunningOrder order, Instant stamped, boolean robotHasOrder) {
            settled = new Settled(digest.robot(), digest.progress(), order, robotHasOrder && order != null ? stamped : null);
        }

        /**
         * A transaction that did not come from a state message committed a new order for the robot. Whether the
         * robot was connected when it went out is not known here.
         */
        public void ordered(RunningOrder order) {
            Settled s = settled;
            if (s != null) {
                settled = new Settled(s.robot(), s.progress(), order, null);
            }
        }

        /**
         * Whether the robot has the order with these ids from a state stamped at or after {@code since} on (the
         * robot's clock): that state showed it, or the order was sent in reply to it. A robot that published a state
         * after announcing itself was connected and subscribed then, and a later disconnection is announced with a
         * later {@code connection}: so a {@code connection} stamped no later than that state needs no copy of the order.
         */
        public boolean hasOrderSince(String orderId, Long orderUpdateId, Instant since) {
            Settled s = settled;
            return s != null && s.orderHadFrom() != null && !s.orderHadFrom().isBefore(since)
                    && s.order().isOrder(orderId, orderUpdateId);
        }

        /**
         * The order the robot's mission waited on when this instance last settled it, or {@code null}; a hint
         * that saves decoding the stored order again, never trusted without checking its ids.
         */
        public RunningOrder lastOrder() {
            Settled s = settled;
            return s == null ? null : s.order();
        }

        /** Forget what was settled, so that the next state takes the slow path (after a change elsewhere). */
        public void unsettle() {
            settled = null;
        }

        RobotReport takePending() {
            return pending.getAndSet(null);
        }

        /** A report the flush could not write this time: kept for the next one unless a newer one came. */
        public void restore(RobotReport report) {
            pending.compareAndSet(null, report);
        }
    }

    /** The two halves of what the dispatcher acts on in a state message (see {@code RobotStateHandler.digest}). */
    public record StateDigest(String robot, String progress) {
    }

    /**
     * What the last committed slow path saw, and the order it left the robot's mission waiting on.
     *
     * @param orderHadFrom the timestamp of the state from which on the robot is known to have {@code order}, or
     *                     {@code null}
     */
    record Settled(String robot, String progress, RunningOrder order, Instant orderHadFrom) {

        /**
         * Whether a state's order progress needs no transaction: the robot drives the very order the mission waits
         * on (same orderId and orderUpdateId, so the same immutable order), has not finished or failed it, and
         * has passed no task waypoint the mission has not counted. The pose reaches the database with the next
         * flush.
         * Anything else, such as an order this instance has not seen (sent by another instance), an update, a
         * cancelOrder (its action state changes the robot half) or the last node, goes the slow way.
         */
        boolean routine(State state) {
            OrderProgress progress = progressOnTheOrder(state);
            return progress != null && order.tasksPassed(progress.lastNodeSequenceId()) == order.tasksReached();
        }

        /** Driving the order the mission waits on, not finished or failed, past more task waypoints than counted. */
        boolean tasksPassed(State state) {
            OrderProgress progress = progressOnTheOrder(state);
            return progress != null && order.tasksPassed(progress.lastNodeSequenceId()) > order.tasksReached();
        }

        /** The progress of a robot still driving the order the mission waits on, or {@code null}. */
        private OrderProgress progressOnTheOrder(State state) {
            if (order == null) {
                return null;
            }
            Order o = order.order();
            if (!o.orderId().equals(state.orderId()) || o.orderUpdateId() != state.orderUpdateId()) {
                return null;
            }
            OrderProgress progress = OrderProgress.of(o, state);
            return progress.outcome() == OrderProgress.Outcome.RUNNING ? progress : null;
        }
    }

    /** A report waiting for the flush, and the entry to give it back to if it cannot be written now. */
    public record Pending(Entry entry, RobotReport report) {
        public String robot() {
            return entry.name();
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The entry for a robot identity, looking the name up (through {@code lookup}) the first time, and
     * again a few seconds after an identity turned out not to be a managed robot.
     */
    public Entry entry(String manufacturer, String serialNumber, Supplier<Optional<String>> lookup) {
        String key = manufacturer + "/" + serialNumber;
        Entry entry = entries.get(key);
        if (entry == null || (entry.name == null && entry.known.plus(FORGET_UNKNOWN).isBefore(Instant.now()))) {
            entry = new Entry(lookup.get().orElse(null), Instant.now());
            entries.put(key, entry);
        }
        return entry;
    }

    /** A robot was registered, renamed or deleted: look it up again next time. */
    public void forget(String manufacturer, String serialNumber) {
        entries.remove(manufacturer + "/" + serialNumber);
    }

    /** Forgets what was settled for a robot, e.g. after its mission changed through the API. */
    public void unsettle(String robotName) {
        entries.values().stream().filter(e -> robotName.equals(e.name)).forEach(Entry::unsettle);
    }

    /** See {@link Entry#hasOrderSince}; {@code false} for a robot this instance has no entry for. */
    public boolean hasOrderSince(String manufacturer, String serialNumber, String orderId, Long orderUpdateId, Instant since) {
        Entry entry = entries.get(manufacturer + "/" + serialNumber);
        return entry != null && entry.hasOrderSince(orderId, orderUpdateId, since);
    }

    /** A committed transaction left the mission of the robot with this identity waiting on {@code order}. */
    public void ordered(String manufacturer, String serialNumber, RunningOrder order) {
        Entry entry = entries.get(manufacturer + "/" + serialNumber);
        if (entry != null) {
            entry.ordered(order);
        }
    }

    /** The reports that arrived on the fast path since the last flush. */
    public List<Pending> drainPending() {
        List<Pending> drained = new ArrayList<>();
        for (Entry entry : entries.values()) {
            if (entry.name != null) {
                RobotReport report = entry.takePending();
                if (report != null) {
                    drained.add(new Pending(entry, report));
                }
            }
        }
        return drained;
    }
}
