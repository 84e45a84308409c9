package org.fleetdispatch.messaging;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The outbox messages of committed transactions, handed to the relay in memory so that it can publish them
 * without reading them back from the database (ADR 0003 addendum). Thread-safe.
 *
 * <p>A transaction's messages join the queue of their topic just before it commits, while it still holds the
 * robot's row lock, so a topic's messages queue in the order their transactions committed; they may be
 * published once their transaction committed, and never before an earlier message of the same topic.
 *
 * <p>In <em>memory mode</em> the relay publishes from here and deletes the rows afterwards. In <em>database
 * mode</em> (after a start, after a publish failed, or when more than {@code capacity} messages wait) nothing is
 * taken and the relay reads the outbox table
 * oldest first, as before; it goes back to memory mode only after a pass found the table drained <em>and</em>
 * no transaction that left its messages to the table was still open when the pass began, so that nothing
 * handed over later overtakes a row the table still holds.
 */
public final class HandOff {

    /** A message handed over, and whether its transaction has ended. */
    public static final class Entry {
        private final long id;
        private final String topic;
        private final byte[] payload;
        private final int qos;
        private final boolean retained;
        private final Instant causedAt;
        private State state = State.PENDING;
        private Taken transaction;

        Entry(long id, String topic, byte[] payload, int qos, boolean retained, Instant causedAt) {
            this.id = id;
            this.topic = topic;
            this.payload = payload;
            this.qos = qos;
            this.retained = retained;
            this.causedAt = causedAt;
        }

        long id() {
            return id;
        }

        String topic() {
            return topic;
        }

        byte[] payload() {
            return payload;
        }

        int qos() {
            return qos;
        }

        boolean retained() {
            return retained;
        }

        Instant causedAt() {
            return causedAt;
        }
    }

    private enum State { PENDING, COMMITTED, ROLLED_BACK }

    /** The messages of one transaction, as {@link #take} returned them. */
    public static final class Taken {
        private final List<Entry> entries;
        private final boolean inMemory;
        /** Left to the table by a failure before the transaction ended. */
        private boolean dropped;

        private Taken(List<Entry> entries, boolean inMemory) {
            this.entries = entries;
            this.inMemory = inMemory;
        }
    }

    /** What a database pass needs to know to end database mode, read when it begins. */
    record PassStart(long tableOnlyBegun, int tableOnlyOpen) {
    }

    private final int capacity;
    private final Map<String, ArrayDeque<Entry>> topics = new LinkedHashMap<>();
    /** Ids queued here, or published and not yet deleted: a database pass must leave these rows alone. */
    private final Set<Long> owned = new HashSet<>();
    private int queued;
    private boolean memoryMode;
    /** Transactions whose messages were left to the table: how many began, how many have not ended. */
    private long tableOnlyBegun;
    private int tableOnlyOpen;

    /** @param capacity messages held at most; beyond it transactions leave theirs to the table */
    HandOff(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Called just before a transaction commits, its rows written (ids known) and its locks still held.
     *
     * @return what to pass to {@link #ended} once the transaction has ended
     */
    synchronized Taken take(List<Entry> messages) {
        if (memoryMode && queued + messages.size() > capacity) {
            toTableMode(); // a broker too slow for the load: the table holds the backlog as well as memory would
        }
        if (!memoryMode) {
            tableOnlyBegun++;
            tableOnlyOpen++;
            return new Taken(messages, false);
        }
        Taken taken = new Taken(messages, true);
        for (Entry e : messages) {
            e.transaction = taken;
            topics.computeIfAbsent(e.topic(), t -> new ArrayDeque<>()).addLast(e);
            owned.add(e.id());
            queued++;
        }
        return taken;
    }

    /** A transaction leaves its messages to the table whatever the mode (their rows could not be taken). */
    synchronized Taken leaveToTable() {
        if (memoryMode) {
            toTableMode();
        }
        tableOnlyBegun++;
        tableOnlyOpen++;
        return new Taken(List.of(), false);
    }

    /** The transaction of {@code taken} committed or rolled back. */
    synchronized void ended(Taken taken, boolean committed) {
        if (!taken.inMemory || taken.dropped) {
            tableOnlyOpen--;
            return;
        }
        for (Entry e : taken.entries) {
            e.state = committed ? State.COMMITTED : State.ROLLED_BACK;
        }
    }

    /**
     * What may be published now, per topic in order: each topic's committed messages up to its first one whose
     * transaction has not ended. Rolled-back messages are dropped on the way. The relay thread alone calls this
     * and {@link #published}.
     */
    synchronized List<Entry> publishable() {
        List<Entry> out = new ArrayList<>();
        for (Iterator<ArrayDeque<Entry>> it = topics.values().iterator(); it.hasNext(); ) {
            ArrayDeque<Entry> queue = it.next();
            for (Iterator<Entry> q = queue.iterator(); q.hasNext(); ) {
                Entry e = q.next();
                if (e.state == State.PENDING) {
                    break;
                }
                if (e.state == State.ROLLED_BACK) {
                    q.remove();
                    owned.remove(e.id());
                    queued--;
                } else {
                    out.add(e);
                }
            }
            if (queue.isEmpty()) {
                it.remove();
            }
        }
        return out;
    }

    /** The broker accepted {@code e}; its row stays owned until {@link #deleted}. */
    synchronized void published(Entry e) {
        ArrayDeque<Entry> queue = topics.get(e.topic());
        if (queue != null && queue.remove(e)) {
            queued--;
            if (queue.isEmpty()) {
                topics.remove(e.topic());
            }
        }
    }

    /** The rows of published messages were deleted. */
    synchronized void deleted(Collection<Long> ids) {
        owned.removeAll(ids);
    }

    /**
     * A publish failed: everything not yet published is left to the table, which is read oldest first, and
     * transactions still open count as leaving theirs to it.
     */
    synchronized void failed() {
        toTableMode();
    }

    private void toTableMode() {
        memoryMode = false;
        for (ArrayDeque<Entry> queue : topics.values()) {
            for (Entry e : queue) {
                owned.remove(e.id());
                if (e.state == State.PENDING && !e.transaction.dropped) {
                    e.transaction.dropped = true;
                    tableOnlyBegun++;
                    tableOnlyOpen++;
                }
            }
        }
        topics.clear();
        queued = 0;
    }

    synchronized boolean owns(long id) {
        return owned.contains(id);
    }

    synchronized boolean inMemoryMode() {
        return memoryMode;
    }

    synchronized PassStart passStart() {
        return new PassStart(tableOnlyBegun, tableOnlyOpen);
    }

    /**
     * A database pass that began at {@code start} found the table drained (nothing left it may publish): memory
     * mode resumes if no transaction that left its messages to the table was open then or has begun since.
     *
     * @return whether memory mode is on now
     */
    synchronized boolean drained(PassStart start) {
        if (!memoryMode && start.tableOnlyOpen() == 0 && tableOnlyBegun == start.tableOnlyBegun()) {
            memoryMode = true;
        }
        return memoryMode;
    }

    synchronized int size() {
        return queued;
    }
}
