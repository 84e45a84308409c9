package org.fleetdispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What the relay may publish from memory, in which order, and when it must read the table instead. */
class HandOffTest {

    private final AtomicLong ids = new AtomicLong();
    private final HandOff handOff = new HandOff(100);

    private HandOff.Entry message(String topic) {
        return new HandOff.Entry(ids.incrementAndGet(), topic, new byte[0], 0, false, null);
    }

    private HandOff memoryMode() {
        assertThat(handOff.drained(handOff.passStart())).isTrue();
        return handOff;
    }

    private static List<Long> ids(List<HandOff.Entry> entries) {
        return entries.stream().map(HandOff.Entry::id).toList();
    }

    @Test
    void startsByReadingTheTable() {
        HandOff.Taken taken = handOff.take(List.of(message("a")));
        assertThat(handOff.inMemoryMode()).isFalse();
        assertThat(handOff.size()).isZero();
        handOff.ended(taken, true);
        assertThat(handOff.owns(1)).isFalse();
        assertThat(handOff.drained(handOff.passStart())).isTrue();
    }

    @Test
    void committedMessagesArePublishableInTheOrderTheirTransactionsCommitted() {
        memoryMode();
        HandOff.Taken first = handOff.take(List.of(message("robot-1"), message("robot-2")));
        HandOff.Taken second = handOff.take(List.of(message("robot-1")));
        assertThat(handOff.publishable()).as("nothing committed yet").isEmpty();
        handOff.ended(second, true);
        assertThat(ids(handOff.publishable())).as("waits for the earlier message of its topic").isEmpty();
        handOff.ended(first, true);
        assertThat(ids(handOff.publishable())).containsExactly(1L, 3L, 2L);
        assertThat(handOff.owns(3)).isTrue();
    }

    @Test
    void aRolledBackTransactionsMessagesAreDropped() {
        memoryMode();
        HandOff.Taken rolledBack = handOff.take(List.of(message("robot-1")));
        HandOff.Taken committed = handOff.take(List.of(message("robot-1")));
        handOff.ended(rolledBack, false);
        handOff.ended(committed, true);
        assertThat(ids(handOff.publishable())).containsExactly(2L);
        assertThat(handOff.owns(1)).isFalse();
    }

    @Test
    void publishedRowsStayOwnedUntilDeleted() {
        memoryMode();
        handOff.ended(handOff.take(List.of(message("robot-1"))), true);
        HandOff.Entry e = handOff.publishable().get(0);
        handOff.published(e);
        assertThat(handOff.publishable()).isEmpty();
        assertThat(handOff.size()).isZero();
        assertThat(handOff.owns(e.id())).isTrue();
        handOff.deleted(List.of(e.id()));
        assertThat(handOff.owns(e.id())).isFalse();
    }

    @Test
    void aFailureLeavesEverythingToTheTableUntilAPassBeginsWithNoTransactionOpen() {
        memoryMode();
        handOff.ended(handOff.take(List.of(message("robot-1"))), true);
        HandOff.Taken open = handOff.take(List.of(message("robot-2")));
        handOff.failed();
        assertThat(handOff.inMemoryMode()).isFalse();
        assertThat(handOff.owns(1)).as("the table has it").isFalse();
        assertThat(handOff.publishable()).isEmpty();

        HandOff.PassStart whileOpen = handOff.passStart();
        assertThat(handOff.drained(whileOpen)).as("robot-2's row may commit after the pass read the table").isFalse();
        handOff.ended(open, true);
        assertThat(handOff.drained(whileOpen)).isFalse();

        HandOff.PassStart clean = handOff.passStart();
        HandOff.Taken during = handOff.take(List.of(message("robot-3")));
        assertThat(handOff.drained(clean)).as("a transaction left its message to the table during the pass").isFalse();
        handOff.ended(during, true);
        assertThat(handOff.drained(handOff.passStart())).isTrue();
        handOff.ended(handOff.take(List.of(message("robot-4"))), true);
        assertThat(ids(handOff.publishable())).containsExactly(4L);
    }

    @Test
    void beyondItsCapacityEverythingGoesToTheTable() {
        HandOff small = new HandOff(2);
        assertThat(small.drained(small.passStart())).isTrue();
        small.ended(small.take(List.of(message("a"), message("b"))), true);
        HandOff.Taken overflow = small.take(List.of(message("a")));
        assertThat(small.inMemoryMode()).isFalse();
        assertThat(small.size()).isZero();
        assertThat(small.owns(1)).as("an earlier message of topic a goes to the table too, so order holds").isFalse();
        small.ended(overflow, true);
        assertThat(small.drained(small.passStart())).isTrue();
    }
}
