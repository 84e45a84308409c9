package org.fleetdispatch.dispatch;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.fleetdispatch.robot.Robot;

/** VDA 5050 2.0 {@code instantActions} messages the dispatcher sends. */
final class InstantActionsMessages {

    static final String TOPIC = "instantActions";
    static final String VERSION = "2.0.0";

    private InstantActionsMessages() {
    }

    /** {@code <interfaceName>/v2/<manufacturer>/<serialNumber>/instantActions}. */
    static String topic(Robot robot) {
        return robot.interfaceName() + "/v2/" + robot.manufacturer() + "/" + robot.name() + "/" + TOPIC;
    }

    /** Asks the robot for its factsheet (VDA 5050 2.0, section 6.7, predefined action factsheetRequest). */
    static byte[] factsheetRequest(Robot robot, long headerId, Instant now) {
        return Json.createObjectBuilder()
                .add("headerId", headerId)
                .add("timestamp", now.truncatedTo(ChronoUnit.MILLIS).toString())
                .add("version", VERSION)
                .add("manufacturer", robot.manufacturer())
                .add("serialNumber", robot.name())
                .add("actions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("actionType", "factsheetRequest")
                        .add("actionId", UUID.randomUUID().toString())
                        .add("blockingType", "NONE")
                        .add("actionParameters", Json.createArrayBuilder())))
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
