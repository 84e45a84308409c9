package org.fleetdispatch.dispatch;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.fleetdispatch.outbox.Outbox;
import org.fleetdispatch.outbox.OutboxMessage;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotRepository;

/** Robots: registration through the API, status from their VDA 5050 {@code state} messages. */
@Stateless
public class RobotService {

    private static final Logger LOG = Logger.getLogger(RobotService.class.getName());

    /** VDA 5050 recommends QoS 0 for instantActions (section 6.1.2); the broker is not asked to retry. */
    private static final int INSTANT_ACTIONS_QOS = 0;

    @Inject
    private RobotRepository robots;

    @Inject
    private Outbox outbox;

    private final Clock clock = Clock.systemUTC();

    /**
     * Registers a robot and asks it for its factsheet: the robot row and the request commit together.
     *
     * @throws AlreadyExistsException when a robot of that name exists
     * @throws InvalidSpecException   naming the field when a value cannot be used
     */
    public Robot register(String name, String manufacturer, String interfaceName) {
        if (name != null && robots.exists(name)) {
            throw new AlreadyExistsException("robot", name);
        }
        Instant now = clock.instant();
        Robot robot;
        try {
            robot = Robot.register(name, manufacturer, interfaceName, now);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
        robots.add(robot);
        String topic = InstantActionsMessages.topic(robot);
        long headerId = outbox.nextHeaderId(robot.name(), InstantActionsMessages.TOPIC);
        outbox.add(new OutboxMessage(topic, InstantActionsMessages.factsheetRequest(robot, headerId, now),
                INSTANT_ACTIONS_QOS, false, now));
        return robot;
    }

    public List<Robot> all() {
        return robots.all();
    }

    /** @throws NotFoundException when no robot has that name */
    public Robot get(String name) {
        return robots.find(name).orElseThrow(() -> new NotFoundException("robot", name));
    }

    /**
     * A robot reported its state. Reports of robots we do not manage are ignored: any device may
     * publish on the broker, and only registered robots are ours to track.
     */
    public void reportState(StateReport report) {
        robots.findByIdentity(report.manufacturer(), report.serialNumber()).ifPresentOrElse(
                robot -> robot.reportState(report.batteryCharge(),
                        report.pose().orElse(robot.status().pose()), clock.instant()),
                () -> LOG.fine(() -> "state from unregistered robot " + report.manufacturer() + "/" + report.serialNumber()));
    }
}
