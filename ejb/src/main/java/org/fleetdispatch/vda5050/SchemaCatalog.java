package org.fleetdispatch.vda5050;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonPointer;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The compiled schemas per topic: the official 2.0.0 schema ({@link OfficialSchemas}) with its known defects
 * repaired, and our supplement of rules that the specification's text states but the schema leaves out, plus the
 * optional VDA 5050 2.1 fields we accept (ADR 0060). A message is valid when it passes both.
 */
final class SchemaCatalog {

    private static final Pattern TRAILING_COMMA = Pattern.compile(",(\\s*[\\]}])");

    /** uint32, the data type of headerId, orderUpdateId and sequenceIds in the specification's tables. */
    private static final String UINT32 = "\"minimum\": 0, \"maximum\": 4294967295";
    /** "Range: [-Pi ... Pi]" for orientations (sections 6.6.5, 6.7, 6.10.6); the bound the official order schema uses. */
    private static final String THETA = "\"minimum\": -3.14159265359, \"maximum\": 3.14159265359";
    /** Section 6.4: each message starts with the header; headerId is uint32; version is [Major].[Minor].[Patch] of 2.x. */
    private static final String HEADER = """
            "headerId": {"type": "integer", %s},
            "version": {"type": "string", "pattern": "^2\\\\.[0-9]+\\\\.[0-9]+"}
            """.formatted(UINT32);

    private static final Map<Topic, String> SUPPLEMENTS = Map.of(
            Topic.ORDER, """
                    {"properties": {%s,
                      "orderUpdateId": {%s},
                      "nodes": {"items": {"properties": {"sequenceId": {%s}}}},
                      "edges": {"items": {"properties": {"sequenceId": {%s},
                        "corridor": {"type": "object", "required": ["leftWidth", "rightWidth"], "properties": {
                          "leftWidth": {"type": "number", "minimum": 0},
                          "rightWidth": {"type": "number", "minimum": 0},
                          "corridorRefPoint": {"type": "string", "enum": ["KINEMATICCENTER", "CONTOUR"]}}}}}}}}
                    """.formatted(HEADER, UINT32, UINT32, UINT32),
            Topic.INSTANT_ACTIONS, """
                    {"properties": {%s}}
                    """.formatted(HEADER),
            Topic.STATE, """
                    {"properties": {%s,
                      "orderUpdateId": {%s},
                      "lastNodeSequenceId": {%s},
                      "nodeStates": {"items": {"properties": {"sequenceId": {%s}}}},
                      "edgeStates": {"items": {"properties": {"sequenceId": {%s}}}},
                      "agvPosition": {"properties": {"theta": {%s}}},
                      "batteryState": {"properties": {"batteryCharge": {"minimum": 0, "maximum": 100}}},
                      "errors": {"items": {"properties": {"errorHint": {"type": "string"}}}},
                      "maps": {"type": "array", "items": {"type": "object",
                        "required": ["mapId", "mapVersion", "mapStatus"], "properties": {
                          "mapId": {"type": "string"},
                          "mapVersion": {"type": "string"},
                          "mapDescription": {"type": "string"},
                          "mapStatus": {"type": "string", "enum": ["ENABLED", "DISABLED"]}}}}}}
                    """.formatted(HEADER, UINT32, UINT32, UINT32, UINT32, THETA),
            Topic.CONNECTION, """
                    {"properties": {%s}}
                    """.formatted(HEADER),
            Topic.FACTSHEET, """
                    {"properties": {%s}}
                    """.formatted(HEADER),
            Topic.VISUALIZATION, """
                    {"required": ["headerId", "timestamp", "version", "manufacturer", "serialNumber"],
                     "properties": {%s, "agvPosition": {"properties": {"theta": {%s}}}}}
                    """.formatted(HEADER, THETA));

    private final Map<Topic, SchemaValidator[]> validators;

    private SchemaCatalog(Map<Topic, SchemaValidator[]> validators) {
        this.validators = validators;
    }

    static SchemaCatalog load() {
        Map<Topic, SchemaValidator[]> validators = new EnumMap<>(Topic.class);
        for (Topic topic : Topic.values()) {
            validators.put(topic, new SchemaValidator[] {
                SchemaValidator.compile(official(topic)),
                SchemaValidator.compile(parse(SUPPLEMENTS.get(topic)))
            });
        }
        return new SchemaCatalog(validators);
    }

    /** Every violation of the topic's schemas (at most {@link SchemaValidator#MAX_VIOLATIONS}); empty if valid. */
    List<Violation> validate(Topic topic, JsonValue message) {
        List<Violation> out = new ArrayList<>(0);
        SchemaValidator[] both = validators.get(topic);
        both[0].validate(message, out);
        int official = out.size();
        both[1].validate(message, out);
        if (official > 0 && out.size() > official) {
            // the supplement may restate an official rule (e.g. a sequenceId's minimum): report it once
            List<Violation> firsts = out.subList(0, official);
            List<Violation> unique = new ArrayList<>(firsts);
            for (Violation v : out.subList(official, out.size())) {
                if (firsts.stream().noneMatch(f -> f.path().equals(v.path()) && f.rule().equals(v.rule()))) {
                    unique.add(v);
                }
            }
            return unique;
        }
        return out;
    }

    /** The official 2.0.0 schema text of a topic, as published. */
    static String officialText(Topic topic) {
        return switch (topic) {
            case ORDER -> OfficialSchemas.ORDER;
            case INSTANT_ACTIONS -> OfficialSchemas.INSTANT_ACTIONS;
            case STATE -> OfficialSchemas.STATE;
            case CONNECTION -> OfficialSchemas.CONNECTION;
            case FACTSHEET -> OfficialSchemas.FACTSHEET;
            case VISUALIZATION -> OfficialSchemas.VISUALIZATION;
        };
    }

    /** The official schema of a topic with its known defects repaired (see ADR 0060 and the VDA 5050 README). */
    static JsonObject official(Topic topic) {
        // Defect 1: 2.0.0 state.schema has a trailing comma in controlPoints.required, which is not JSON.
        JsonObject schema = parse(TRAILING_COMMA.matcher(officialText(topic)).replaceAll("$1"));
        if (topic == Topic.FACTSHEET) {
            // Defect 2: agvActions[].blockingTypes is "type": "array" with the enum on the array itself, so no
            // array could ever match; the description ("Array of possible blocking types") means the items.
            JsonPointer pointer = Json.createPointer(
                    "/properties/protocolFeatures/properties/agvActions/items/properties/blockingTypes");
            JsonObject broken = pointer.getValue(schema).asJsonObject();
            if (broken.containsKey("enum") && !broken.containsKey("items")) {
                JsonArray values = broken.getJsonArray("enum");
                JsonObject repaired = Json.createObjectBuilder(broken).remove("enum")
                        .add("items", Json.createObjectBuilder().add("type", "string").add("enum", values))
                        .build();
                schema = pointer.replace(schema, repaired);
            }
        }
        return schema;
    }

    private static JsonObject parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
