package org.fleetdispatch.bench.mission;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.fleetdispatch.simulator.SimulatedRobot;

/**
 * A fleet's start as its robots saw it, on the benchmark's clock: when each came online (subscribed and its
 * {@code connection} ONLINE acknowledged by the broker, its first state published right after), and how long it
 * then waited for the master's {@code factsheetRequest} (the server handled its {@code connection}) and for its first
 * order (the server handled the state that made it available). It separates the simulator's own part of a run's
 * start, connecting N robots, from the server's.
 *
 * @param onlineFrom        the first robot online, from the start of connecting
 * @param onlineTo          the last robot online, from the start of connecting
 * @param lastFirstOrder    the last robot's first order, from the first robot online
 * @param toFactsheetRequest per robot, online to its first factsheetRequest, microseconds
 * @param toFirstOrder      per robot, online to its first order, microseconds
 * @param missing           robots that got no order (or never came online)
 */
record FleetStartUp(Duration onlineFrom, Duration onlineTo, Duration lastFirstOrder, Histogram toFactsheetRequest,
                    Histogram toFirstOrder, int missing) {

    static FleetStartUp of(List<SimulatedRobot> robots, long startedConnecting) {
        Histogram factsheet = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        Histogram order = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
        long firstOnline = Long.MAX_VALUE;
        long lastOnline = Long.MIN_VALUE;
        long lastOrder = Long.MIN_VALUE;
        int missing = 0;
        for (SimulatedRobot robot : robots) {
            SimulatedRobot.StartUp s = robot.startUp();
            if (s.onlineAt() == 0 || s.firstOrderAt() == 0) {
                missing++;
                continue;
            }
            firstOnline = Math.min(firstOnline, s.onlineAt());
            lastOnline = Math.max(lastOnline, s.onlineAt());
            lastOrder = Math.max(lastOrder, s.firstOrderAt());
            order.recordValue(Math.max(0, (s.firstOrderAt() - s.onlineAt()) / 1000));
            if (s.factsheetRequestedAt() != 0) {
                factsheet.recordValue(Math.max(0, (s.factsheetRequestedAt() - s.onlineAt()) / 1000));
            }
        }
        if (missing == robots.size()) {
            return new FleetStartUp(Duration.ZERO, Duration.ZERO, Duration.ZERO, factsheet, order, missing);
        }
        return new FleetStartUp(Duration.ofNanos(firstOnline - startedConnecting), Duration.ofNanos(lastOnline - startedConnecting),
                Duration.ofNanos(lastOrder - firstOnline), factsheet, order, missing);
    }
}
