package org.fleetdispatch.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentFramesTest {

    private final RecentFrames recent = new RecentFrames();

    @Test
    void aFrameEqualToTheLastOneOfTheObjectRepeatsIt() {
        assertThat(recent.repeats("a", "{\"v\":1}")).isFalse();
        assertThat(recent.repeats("a", "{\"v\":1}")).isTrue();
        assertThat(recent.repeats("b", "{\"v\":1}")).as("another object").isFalse();
        assertThat(recent.repeats("a", "{\"v\":2}")).isFalse();
        assertThat(recent.repeats("a", "{\"v\":1}")).as("changed back").isFalse();
    }

    @Test
    void nothingBroadcastBeforeAWatcherOpenedCountsForIt() {
        assertThat(recent.repeats("a", "{\"v\":1}")).isFalse();
        recent.newEpoch();
        assertThat(recent.repeats("a", "{\"v\":1}")).as("the new watcher may not have it").isFalse();
        assertThat(recent.repeats("a", "{\"v\":1}")).isTrue();
    }

    @Test
    void aForgottenObjectIsSentAgain() {
        recent.repeats("a", "x");
        recent.forget("a");
        assertThat(recent.repeats("a", "x")).isFalse();
    }
}
