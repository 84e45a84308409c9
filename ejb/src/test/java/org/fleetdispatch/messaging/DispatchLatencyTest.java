package org.fleetdispatch.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DispatchLatencyTest {

    @Test
    void aLatencyCountsForItsBoundAndEveryBoundAbove() {
        assertThat(DispatchLatency.lowestBoundAtLeast(0.0004)).isZero();
        assertThat(DispatchLatency.lowestBoundAtLeast(0.001)).as("a bound includes itself").isZero();
        assertThat(DispatchLatency.lowestBoundAtLeast(0.0011)).isEqualTo(1);
        assertThat(DispatchLatency.BOUNDS[DispatchLatency.lowestBoundAtLeast(0.0099)]).isEqualTo(0.010);
        assertThat(DispatchLatency.BOUNDS[DispatchLatency.lowestBoundAtLeast(0.0101)]).isEqualTo(0.012);
        assertThat(DispatchLatency.lowestBoundAtLeast(6)).as("beyond the last bound: counted only under +Inf")
                .isEqualTo(DispatchLatency.BOUNDS.length);
    }

    @Test
    void boundsAscend() {
        for (int i = 1; i < DispatchLatency.BOUNDS.length; i++) {
            assertThat(DispatchLatency.BOUNDS[i]).isGreaterThan(DispatchLatency.BOUNDS[i - 1]);
        }
    }
}
