package org.fleetdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class InstantActionRetriesTest {

    private static final Instant T = Instant.parse("2026-11-22T12:00:00Z");

    @Test
    void unansweredRequestsAreRepeatedLessAndLessOften() {
        InstantActionRetries retries = new InstantActionRetries();
        assertThat(retries.due("agv", "factsheetRequest", T)).isTrue();
        assertThat(retries.due("agv", "factsheetRequest", T.plusSeconds(4))).isFalse();
        assertThat(retries.due("agv", "factsheetRequest", T.plusSeconds(5))).isTrue();   // then waits 10 s
        assertThat(retries.due("agv", "factsheetRequest", T.plusSeconds(14))).isFalse();
        assertThat(retries.due("agv", "factsheetRequest", T.plusSeconds(15))).isTrue();  // then 20 s
        assertThat(retries.due("agv", "factsheetRequest", T.plusSeconds(34))).isFalse();
        assertThat(retries.due("other", "factsheetRequest", T.plusSeconds(34))).isTrue();
    }

    @Test
    void neverWaitsLongerThanTenMinutesAndStartsOverOnceAnswered() {
        InstantActionRetries retries = new InstantActionRetries();
        Instant t = T;
        for (int i = 0; i < 20; i++) {
            assertThat(retries.due("agv", "x", t)).isTrue();
            t = t.plusSeconds(600);
        }
        retries.retainOnly(java.util.Set.of()); // answered
        assertThat(retries.due("agv", "x", t.minusSeconds(599))).isTrue();
        assertThat(retries.due("agv", "x", t.minusSeconds(598))).isFalse();
    }

    @Test
    void retainingTheWaitingForgetsTheAnswered() {
        InstantActionRetries retries = new InstantActionRetries();
        assertThat(retries.due("a", "factsheetRequest", T)).isTrue();
        assertThat(retries.due("b", "factsheetRequest", T)).isTrue();
        retries.retainOnly(java.util.Set.of(InstantActionRetries.key("a", "factsheetRequest")));
        assertThat(retries.due("a", "factsheetRequest", T.plusSeconds(1))).as("still waiting").isFalse();
        assertThat(retries.due("b", "factsheetRequest", T.plusSeconds(1))).as("answered: starts over").isTrue();
    }
}
