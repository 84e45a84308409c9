package org.fleetdispatch.bench.mission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BusyFleetTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    private static MissionLedger.Row mission(String robot, int n, double start, double end) {
        return new MissionLedger.Row(robot + "-m" + n, robot, MissionLedger.State.COMPLETED, at(start), at(end));
    }

    private static Metrics latencies(double within10ms, double all) {
        return Metrics.parse("""
                fleetdispatch_dispatch_latency_within_total{le="0.01",mp_scope="application"} %s
                fleetdispatch_dispatch_latency_within_total{le="+Inf",mp_scope="application"} %s
                """.formatted(within10ms, all));
    }

    /**
     * Robot a starts at 0 and works three 1-s missions; robot b starts late (1.5 s, its first mission slowed to 2 s)
     * and works two. Both are busy from 1.5 s (b's first start) to 3 s (a's last end): a does 1.5 missions in it, b
     * three quarters of its first: 2.25 missions in 1.5 s.
     */
    @Test
    void countsTheMissionsDoneWhileEveryRobotHadOneShareByShare() {
        List<MissionLedger.Row> rows = List.of(
                mission("a", 1, 0, 1), mission("a", 2, 1, 2), mission("a", 3, 2, 3),
                mission("b", 1, 1.5, 3.5), mission("b", 2, 3.5, 4.5));
        List<BusyFleet.Reading> readings = List.of(
                new BusyFleet.Reading(at(1.0), latencies(100, 100)), // before: its counts are not the part's
                new BusyFleet.Reading(at(1.6), latencies(110, 110)),
                new BusyFleet.Reading(at(2.9), latencies(150, 160)),
                new BusyFleet.Reading(at(3.2), latencies(150, 200)));
        List<BusyFleet.OrderWait> waits = List.of(new BusyFleet.OrderWait(at(0.5), 1_000),
                new BusyFleet.OrderWait(at(2.0), 7_000), new BusyFleet.OrderWait(at(4.0), 90_000));

        BusyFleet busy = BusyFleet.of(rows, readings, waits).orElseThrow();

        assertThat(busy.from()).isEqualTo(at(1.5));
        assertThat(busy.to()).isEqualTo(at(3));
        assertThat(busy.missionsPerSecond()).isCloseTo(2.25 / 1.5, within(1e-9));
        assertThat(busy.latency().total()).isEqualTo(50);
        assertThat(busy.latency().shareWithin(0.010)).isEqualTo(0.8);
        assertThat(busy.orderWaits().getTotalCount()).isEqualTo(1);
        assertThat(busy.orderWaits().getMaxValue()).isBetween(6_990L, 7_010L);
    }

    @Test
    void thereIsNoSuchPartWhenARobotEndedItsQueueBeforeTheLastOneBegan() {
        List<MissionLedger.Row> rows = List.of(mission("a", 1, 0, 1), mission("b", 1, 1.2, 2.2));

        assertThat(BusyFleet.of(rows, List.of(), List.of())).isEmpty();
    }

    @Test
    void latencyIsLeftOutWithFewerThanTwoReadingsInside() {
        List<MissionLedger.Row> rows = List.of(mission("a", 1, 0, 2), mission("b", 1, 0.5, 2.5));

        BusyFleet busy = BusyFleet.of(rows, List.of(new BusyFleet.Reading(at(1), latencies(1, 1))), List.of()).orElseThrow();

        assertThat(busy.latency()).isNull();
        assertThat(busy.missionsPerSecond()).isCloseTo((0.75 + 0.75) / 1.5, within(1e-9));
    }
}
