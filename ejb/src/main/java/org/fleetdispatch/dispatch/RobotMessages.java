package org.fleetdispatch.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fleetdispatch.outbox.Outbox;
import org.fleetdispatch.outbox.OutboxMessage;
import org.fleetdispatch.robot.Robot;
import org.fleetdispatch.vda5050.Action;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Header;
import org.fleetdispatch.vda5050.InstantActions;
import org.fleetdispatch.vda5050.Topic;
import org.fleetdispatch.vda5050.TopicName;
import org.fleetdispatch.vda5050.Vda5050Message;

/**
 * VDA 5050 messages to robots, written to the outbox in the caller's transaction, which must hold the robot's
 * row: the header filled in (headerId counted per topic in that row, so across restarts; version 2.0.0; the
 * robot's manufacturer and serialNumber, which Isaac Mission Dispatch leaves empty), QoS and retain as the topic
 * requires.
 */
@ApplicationScoped
public class RobotMessages {

    /** The instant actions that ask a robot for information (VDA 5050 2.0, 6.8). */
    private static final List<String> INFORMATION_REQUESTS = List.of("factsheetRequest", "stateRequest");

    private static final Pattern INFORMATION_REQUEST = Pattern.compile("(" + String.join("|", INFORMATION_REQUESTS)
            + ")-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** A message as it went to the outbox. */
    public record Sent<T extends Vda5050Message>(T message, byte[] payload) {
    }

    @Inject
    private Outbox outbox;

    @Inject
    private Vda5050Json json;

    private final Clock clock = Clock.systemUTC();

    /** Builds a message for {@code robot} from a header and puts it in the outbox. */
    public <T extends Vda5050Message> Sent<T> send(Robot robot, Topic topic, Function<Header, T> build) {
        return send(robot, topic, build, null);
    }

    /**
     * As {@link #send(Robot, Topic, Function)}, for a message caused by an input that arrived at
     * {@code cause}: the relay measures the dispatcher's latency from it.
     */
    public <T extends Vda5050Message> Sent<T> send(Robot robot, Topic topic, Function<Header, T> build, Instant cause) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Header header = new Header(robot.nextHeaderId(topic.level()), now, Header.PROTOCOL_VERSION,
                robot.manufacturer(), robot.name());
        T message = build.apply(header);
        byte[] payload = json.encode(message);
        String name = TopicName.of(robot.interfaceName(), robot.manufacturer(), robot.name(), topic).toString();
        outbox.add(new OutboxMessage(name, payload, topic.qos(), topic.retained(), now).causedAt(cause));
        return new Sent<>(message, payload);
    }

    /**
     * Whether an action id is one this server gave a {@code factsheetRequest} or {@code stateRequest}: a request
     * for information, whose answer arrives on its own (the factsheet on its topic, the state anyway), so that
     * nothing the dispatcher does depends on the action's own state. Ids have the form {@code <actionType>-<UUID>}
     * ({@link #instantAction}); an order's actions end in {@code -action}. Asked for every action state of every
     * state message, so the pattern only sees ids that start like one.
     */
    static boolean isInformationRequest(String actionId) {
        if (actionId == null) {
            return false;
        }
        for (String type : INFORMATION_REQUESTS) {
            if (actionId.startsWith(type) && actionId.startsWith("-", type.length())) {
                return INFORMATION_REQUEST.matcher(actionId).matches();
            }
        }
        return false;
    }

    /** An {@code instantActions} message with one predefined action (VDA 5050 2.0, 6.8). */
    public Sent<InstantActions> instantAction(Robot robot, String actionType) {
        Action action = Action.of(actionType, actionType + "-" + UUID.randomUUID(), BlockingType.NONE);
        return send(robot, Topic.INSTANT_ACTIONS, h -> InstantActions.of(h, List.of(action)));
    }
}
