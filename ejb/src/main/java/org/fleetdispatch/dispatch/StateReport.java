package org.fleetdispatch.dispatch;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.fleetdispatch.robot.Pose2D;

/**
 * The parts of a VDA 5050 {@code state} message the robot's status is made of, read strictly: a
 * message without them is malformed, not partially applied.
 *
 * @param manufacturer from the topic, which the broker vouches for, not from the payload
 * @param serialNumber likewise
 * @param headerId     the robot's per-topic message counter
 * @param batteryCharge {@code batteryState.batteryCharge}, percent
 * @param pose         from {@code agvPosition}, empty when the robot does not know where it is
 */
public record StateReport(String manufacturer, String serialNumber, long headerId, double batteryCharge,
                          Optional<Pose2D> pose) {

    /** Reads a state message published on {@code <interface>/<version>/<manufacturer>/<serial>/state}. */
    public static StateReport parse(String topic, byte[] payload) throws MalformedMessageException {
        String[] levels = topic.split("/", -1);
        if (levels.length != 5 || !"state".equals(levels[4])) {
            throw new MalformedMessageException("topic '" + topic + "' is not <interface>/<version>/<manufacturer>/<serialNumber>/state");
        }
        JsonObject state;
        try (var reader = Json.createReader(new ByteArrayInputStream(payload))) {
            state = reader.readObject();
        } catch (JsonParsingException e) {
            throw new MalformedMessageException("not JSON: " + e.getMessage(), e);
        } catch (JsonException | IllegalStateException e) {
            throw new MalformedMessageException("not a JSON object: " + e.getMessage(), e);
        }
        long headerId = number(state, "headerId", "headerId").longValue();
        JsonObject battery = object(state, "batteryState", "batteryState");
        double charge = number(battery, "batteryCharge", "batteryState.batteryCharge").doubleValue();
        if (charge < 0 || charge > 100) {
            throw new MalformedMessageException("batteryState.batteryCharge must be 0..100, was " + charge);
        }
        Optional<Pose2D> pose = Optional.empty();
        if (state.containsKey("agvPosition") && state.get("agvPosition").getValueType() != JsonValue.ValueType.NULL) {
            JsonObject p = object(state, "agvPosition", "agvPosition");
            pose = Optional.of(new Pose2D(
                    number(p, "x", "agvPosition.x").doubleValue(),
                    number(p, "y", "agvPosition.y").doubleValue(),
                    number(p, "theta", "agvPosition.theta").doubleValue(),
                    string(p, "mapId", "agvPosition.mapId")));
        }
        return new StateReport(levels[2], levels[3], headerId, charge, pose);
    }

    private static JsonNumber number(JsonObject o, String key, String path) throws MalformedMessageException {
        JsonValue v = require(o, key, path);
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw new MalformedMessageException(path + " must be a number, was " + v.getValueType());
        }
        return (JsonNumber) v;
    }

    private static JsonObject object(JsonObject o, String key, String path) throws MalformedMessageException {
        JsonValue v = require(o, key, path);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedMessageException(path + " must be an object, was " + v.getValueType());
        }
        return v.asJsonObject();
    }

    private static String string(JsonObject o, String key, String path) throws MalformedMessageException {
        JsonValue v = require(o, key, path);
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw new MalformedMessageException(path + " must be a string, was " + v.getValueType());
        }
        return o.getString(key);
    }

    private static JsonValue require(JsonObject o, String key, String path) throws MalformedMessageException {
        JsonValue v = o.get(key);
        if (v == null) {
            throw new MalformedMessageException(path + " is missing");
        }
        return v;
    }
}
