package org.fleetdispatch.dispatch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.fleetdispatch.mission.Mission;
import org.fleetdispatch.robot.RobotRepository;
import org.fleetdispatch.vda5050.Connection;
import org.fleetdispatch.vda5050.ConnectionState;
import org.fleetdispatch.vda5050.Factsheet;

/** A robot's {@code connection} and {@code factsheet} messages, each applied in the caller's transaction. */
@Stateless
public class RobotEvents {

    @Inject
    private RobotRepository robots;

    @Inject
    private RobotMessages messages;

    @Inject
    private Dispatcher dispatcher;

    @Inject
    private RobotFeed feed;

    /**
     * ONLINE brings the robot online (and asks for its factsheet if we have none yet); OFFLINE and
     * CONNECTIONBROKEN (the broker's last will) take it offline at once, without waiting for the
     * heartbeat timeout.
     *
     * <p>A robot that announces itself ONLINE while its mission runs gets the mission's order again: orders
     * travel at QoS 0 (VDA 5050 6.5), so one published while the robot was away, or while the broker was down,
     * or before the robot had subscribed again, is lost, and the mission would wait for its timeout. A robot
     * announces itself when it (re)connects, after subscribing, and ignores a copy of an order it has (same
     * orderId and orderUpdateId, 6.6.3). Not when this instance knows the robot has the order from a state stamped
     * at or after the {@code connection} (see {@link RobotFeed.Entry#hasOrderSince}): at a fleet's start, a robot's
     * first state often starts its mission before its {@code connection} is handled, and a quarter of the robots
     * got their first order twice.
     *
     * <p>A robot that this makes available (it knew its position before it went away) starts its queue's head in
     * this transaction, which holds its row already. One that is not available yet, as every robot connecting for
     * the first time (no state, so no position), is started by the state that makes it so; waking the starter for
     * it cost a fleet's start-up a transaction per robot that found nothing to do and locked the robot's row
     * against its first state.
     */
    public void onConnection(String manufacturer, String serialNumber, Connection connection, Instant receivedAt) {
        robots.lockByIdentity(manufacturer, serialNumber).ifPresent(robot -> {
            boolean online = connection.connectionState() == ConnectionState.ONLINE;
            robot.connectionChanged(online, receivedAt);
            if (online) {
                if (robot.status().factsheet() == null) {
                    messages.instantAction(robot, "factsheetRequest");
                }
                Optional<Mission> running = dispatcher.lockRunning(robot);
                if (running.isPresent()) {
                    if (!feed.hasOrderSince(manufacturer, serialNumber, running.get().orderId(), running.get().orderUpdateId(),
                            connection.timestamp())) {
                        dispatcher.resend(running.get(), robot);
                    }
                } else {
                    dispatcher.startQueued(robot, null);
                }
            }
        });
    }

    /** Stores the factsheet: class, top speed and series for the API, the whole document as received. */
    public void onFactsheet(String manufacturer, String serialNumber, Factsheet factsheet, byte[] payload, Instant receivedAt) {
        robots.lockByIdentity(manufacturer, serialNumber).ifPresent(robot -> robot.factsheetReceived(
                factsheet.typeSpecification().agvClass() == null ? null : factsheet.typeSpecification().agvClass().name(),
                factsheet.physicalParameters() == null ? null : factsheet.physicalParameters().speedMax(),
                factsheet.typeSpecification().seriesName(),
                null,
                new String(payload, StandardCharsets.UTF_8),
                receivedAt));
    }
}
