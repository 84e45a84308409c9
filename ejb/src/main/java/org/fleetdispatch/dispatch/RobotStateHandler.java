package org.fleetdispatch.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fleetdispatch.robot.Pose2D;
import org.fleetdispatch.robot.RobotReport;
import org.fleetdispatch.robot.RobotRepository;
import org.fleetdispatch.vda5050.ActionState;
import org.fleetdispatch.vda5050.AgvError;
import org.fleetdispatch.vda5050.AgvPosition;
import org.fleetdispatch.vda5050.Info;
import org.fleetdispatch.vda5050.OperatingMode;
import org.fleetdispatch.vda5050.State;

/**
 * A robot's {@code state} messages: the fast path remembers the status for the next flush; the slow path,
 * taken when the message says something the dispatcher acts on, writes the status and advances the
 * robot's mission in a transaction of its own ({@link RobotStatusWriter#advance}), which commits before
 * the message is acknowledged. A robot driving the order its mission waits on takes the fast path from
 * node to node (see {@link RobotFeed}); a one-route mission costs a slow path per task waypoint, its last
 * node included. A task waypoint before the last one only counts in the mission's {@code task_status}: its
 * transaction locks and writes the mission alone ({@link RobotStatusWriter#countTasks}).
 *
 * <p>A CDI bean, not an EJB, and called outside a transaction: nine messages in ten take the fast path,
 * and for them an enterprise bean call and a JTA transaction begun and committed around nothing were
 * most of the cost (ADR 0006).
 */
@ApplicationScoped
public class RobotStateHandler {

    @Inject
    private RobotFeed feed;

    @Inject
    private RobotRepository robots;

    @Inject
    private RobotStatusWriter writer;

    /**
     * @param manufacturer from the topic the message came on
     * @param serialNumber likewise
     */
    public void onState(String manufacturer, String serialNumber, State state, Instant receivedAt) {
        RobotFeed.Entry entry = feed.entry(manufacturer, serialNumber,
                () -> robots.nameByIdentity(manufacturer, serialNumber));
        if (entry.name() == null) {
            return; // not a robot we manage: any device may publish on the broker
        }
        RobotReport report = report(manufacturer, serialNumber, state, receivedAt);
        RobotFeed.StateDigest digest = digest(state);
        if (entry.offer(state, digest, report)) {
            return;
        }
        if (entry.onlyTasksPassed(state, digest) && writer.countTasks(entry, digest, report, state)) {
            return;
        }
        writer.advance(entry, digest, report, state, receivedAt);
    }

    /**
     * What the dispatcher acts on, in two halves: the robot's (actions, errors, information, operating mode,
     * charging, pause, whether it knows where it is) and its order progress (order, update, last node, what is
     * left). Pose, battery level and velocities are left out on purpose: they change on every message and only
     * need to reach the database once per flush. So are the action states of this server's requests for
     * information ({@link RobotMessages#isInformationRequest}): the dispatcher acts on neither, and the state a
     * robot publishes on answering {@code factsheetRequest} cost each robot a transaction at its fleet's start,
     * 200 at once at 200 robots, that wrote nothing the flush would not.
     */
    static RobotFeed.StateDigest digest(State s) {
        StringBuilder robot = new StringBuilder(96)
                .append(s.operatingMode()).append('|').append(s.batteryState().charging()).append('|')
                .append(s.paused()).append('|')
                .append(s.agvPosition() != null && s.agvPosition().positionInitialized()).append('|');
        for (ActionState a : s.actionStates()) {
            if (!RobotMessages.isInformationRequest(a.actionId())) {
                robot.append(a.actionId()).append('=').append(a.actionStatus()).append(',');
            }
        }
        robot.append('|');
        for (AgvError e : s.errors()) {
            robot.append(e.errorType()).append(':').append(e.errorLevel()).append(':').append(e.errorDescription()).append(',');
        }
        if (s.information() != null) {
            robot.append('|');
            for (Info i : s.information()) {
                robot.append(i.infoType()).append(':').append(i.infoDescription()).append(',');
            }
        }
        String progress = s.orderId() + '|' + s.orderUpdateId() + '|' + s.lastNodeId() + '|' + s.lastNodeSequenceId()
                + '|' + s.nodeStates().size() + '|' + s.edgeStates().size();
        return new RobotFeed.StateDigest(robot.toString(), progress);
    }

    static RobotReport report(String manufacturer, String serialNumber, State s, Instant receivedAt) {
        AgvPosition position = s.agvPosition();
        Pose2D pose = position == null ? null : new Pose2D(position.x(), position.y(), position.theta(), position.mapId());
        Map<String, String> errors = new LinkedHashMap<>();
        for (AgvError e : s.errors()) {
            errors.put(e.errorType(), e.errorLevel() + (e.errorDescription() == null ? "" : ": " + e.errorDescription()));
        }
        Map<String, String> information = new LinkedHashMap<>();
        if (s.information() != null) {
            for (Info i : s.information()) {
                information.put(i.infoType(), i.infoDescription() == null ? String.valueOf(i.infoLevel()) : i.infoDescription());
            }
        }
        boolean manual = s.operatingMode() == OperatingMode.MANUAL || s.operatingMode() == OperatingMode.TEACHIN;
        return new RobotReport(receivedAt, s.batteryState().batteryCharge(), s.batteryState().charging(), pose,
                position != null && position.positionInitialized(), manual, errors, information, manufacturer, serialNumber);
    }
}
