package org.fleetdispatch.dispatch;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.mission.MissionRepository;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.robot.RobotFilter;
import org.fleetdispatch.robot.RobotRepository;
import org.fleetdispatch.robot.RobotSpec;

/**
 * Robots through the API: register, list, read, change the spec, delete. Each method is one
 * transaction; messages the change requires (factsheetRequest, startTeleop/stopTeleop) go to the
 * outbox in it.
 */
@Stateless
public class RobotService {

    @Inject
    private RobotRepository robots;

    @Inject
    private MissionRepository missions;

    @Inject
    private RobotMessages messages;

    @Inject
    private Event<QueueChanged> queueChanged;

    private final Clock clock = Clock.systemUTC();

    /**
     * Registers a robot and asks it for its factsheet; missions already queued for that name start once it is
     * online and knows its position.
     *
     * @throws AlreadyExistsException when a robot of that name exists
     * @throws InvalidSpecException   naming the field when a value cannot be used
     */
    public Robot register(RobotRegistration registration, String publisherId) {
        String name = Names.choose(registration.name(), registration.prefix());
        if (robots.exists(name)) {
            throw new AlreadyExistsException("robot", name);
        }
        Robot robot;
        try {
            robot = Robot.register(name, registration.manufacturer(), registration.interfaceName(), registration.spec(),
                    publisherId, now());
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(e.getMessage());
        }
        robots.add(robot);
        messages.instantAction(robot, "factsheetRequest");
        // no start here: a robot is offline until it connects, and the state or connection that makes it available
        // starts its queue's head
        return robot;
    }

    /** The skeleton's form: a name and a manufacturer, defaults for the rest. */
    public Robot register(String name, String manufacturer, String interfaceName) {
        return register(new RobotRegistration(name, null, manufacturer, interfaceName, null), null);
    }

    public List<Robot> list(RobotFilter filter) {
        return robots.list(filter);
    }

    public List<Robot> all() {
        return robots.list(RobotFilter.ALL);
    }

    /** @throws NotFoundException when no robot has that name */
    public Robot get(String name) {
        return robots.find(name).orElseThrow(() -> new NotFoundException("robot", name));
    }

    /**
     * Replaces the spec (IMD's PUT). Switching {@code switch_teleop} sends startTeleop or stopTeleop; the
     * dispatcher sends it again until the robot's operating mode shows it.
     */
    public Robot updateSpec(String name, RobotSpec spec, String publisherId) {
        Robot robot = robots.lock(name).orElseThrow(() -> new NotFoundException("robot", name));
        boolean teleopChanged = robot.updateSpec(spec, publisherId);
        if (teleopChanged) {
            messages.instantAction(robot, spec.switchTeleop() ? "startTeleop" : "stopTeleop");
            if (!spec.switchTeleop()) {
                queueChanged.fire(new QueueChanged(name));
            }
        }
        return robot;
    }

    /**
     * Deletes a robot. One with a running mission is marked PENDING_DELETE and deleted once the mission
     * ends (IMD's lifecycle); its queued missions stay and wait for a robot of that name.
     */
    public Robot delete(String name, String publisherId) {
        Robot robot = robots.lock(name).orElseThrow(() -> new NotFoundException("robot", name));
        if (missions.running(name).isPresent()) {
            robot.markPendingDelete(publisherId);
        } else {
            robot.markPendingDelete(publisherId);
            robots.remove(robot);
        }
        return robot;
    }

    private Instant now() {
        return clock.instant();
    }
}
