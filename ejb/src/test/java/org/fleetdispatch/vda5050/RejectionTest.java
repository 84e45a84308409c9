package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Malformed JSON and schema-invalid messages are refused with a typed exception that says where and why. */
class RejectionTest {

    private static final Vda5050Codec CODEC = new Vda5050Codec();

    @AfterAll
    static void close() {
        CODEC.close();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The driving state example with one textual replacement applied, which must be present. */
    private static byte[] stateWith(String from, String to) {
        String s = Resources.text("examples/state-driving.json");
        assertThat(s).contains(from);
        return utf8(s.replace(from, to));
    }

    private static Vda5050ValidationException invalidState(byte[] json) {
        return catchThrowableOfType(Vda5050ValidationException.class, () -> CODEC.decode(json, State.class));
    }

    private static Violation only(Vda5050ValidationException e) {
        assertThat(e).as("expected a validation failure").isNotNull();
        assertThat(e.violations()).hasSize(1);
        return e.violations().get(0);
    }

    // --- malformed JSON ---

    @Test
    void syntaxErrorNamesLineAndColumn() {
        Vda5050FormatException e = catchThrowableOfType(Vda5050FormatException.class,
                () -> CODEC.decode(utf8("{\n  \"headerId\": 1,\n  \"timestamp\" \"x\"\n}"), State.class));
        assertThat(e).isNotNull();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isPositive();
        assertThat(e.getMessage()).contains("line 3", "column");
    }

    @Test
    void truncatedMessage() {
        byte[] full = Resources.bytes("examples/state-driving.json");
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        assertThatThrownBy(() -> CODEC.decode(cut, State.class)).isInstanceOf(Vda5050FormatException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void emptyInput() {
        assertThatThrownBy(() -> CODEC.decode(new byte[0], State.class)).isInstanceOf(Vda5050FormatException.class);
    }

    @Test
    void invalidUtf8NamesTheByteOffset() {
        byte[] bad = utf8("{\"serialNumber\": \"agv-XX\"}");
        bad[20] = (byte) 0xC3;
        bad[21] = (byte) 0x28;
        Vda5050FormatException e = catchThrowableOfType(Vda5050FormatException.class,
                () -> CODEC.decode(bad, State.class));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("invalid UTF-8 at byte offset 20");
        assertThat(e.offset()).isEqualTo(20);
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> CODEC.decode(stateWith("\"driving\": true", "\"driving\": true, \"driving\": false"),
                State.class)).isInstanceOf(Vda5050FormatException.class).hasMessageContaining("driving");
    }

    @Test
    void trailingContentIsRefused() {
        byte[] json = utf8(Resources.text("examples/connection-broken.json") + " {}");
        assertThatThrownBy(() -> CODEC.decode(json, Connection.class)).isInstanceOf(Vda5050FormatException.class);
    }

    // --- schema violations ---

    @Test
    void notAnObject() {
        Violation v = only(invalidState(utf8("[1, 2]")));
        assertThat(v.path()).isEqualTo("$");
        assertThat(v.rule()).isEqualTo("type");
    }

    @Test
    void missingRequiredField() {
        Violation v = only(invalidState(stateWith("\"driving\": true,", "")));
        assertThat(v.path()).isEqualTo("$.driving");
        assertThat(v.rule()).isEqualTo("required");
        assertThat(v.message()).contains("'driving'");
    }

    @Test
    void missingRequiredFieldInNestedObject() {
        Violation v = only(invalidState(stateWith("\"charging\": false", "\"chargingX\": false")));
        assertThat(v.path()).isEqualTo("$.batteryState.charging");
        assertThat(v.rule()).isEqualTo("required");
    }

    @Test
    void wrongEnumValueInAnArrayItem() {
        Vda5050ValidationException e = invalidState(stateWith("\"actionStatus\": \"WAITING\"",
                "\"actionStatus\": \"waiting\""));
        Violation v = only(e);
        assertThat(v.path()).isEqualTo("$.actionStates[0].actionStatus");
        assertThat(v.rule()).isEqualTo("enum");
        assertThat(e.getMessage()).contains("$.actionStates[0].actionStatus", "\"waiting\"", "FINISHED");
        assertThat(e.topic()).isEqualTo(Topic.STATE);
    }

    @Test
    void wrongType() {
        Violation v = only(invalidState(stateWith("\"driving\": true", "\"driving\": \"true\"")));
        assertThat(v.path()).isEqualTo("$.driving");
        assertThat(v.rule()).isEqualTo("type");
        assertThat(v.message()).contains("expected boolean", "string");
    }

    @Test
    void integerFieldWithAFraction() {
        Violation v = only(invalidState(stateWith("\"lastNodeSequenceId\": 2", "\"lastNodeSequenceId\": 2.5")));
        assertThat(v.path()).isEqualTo("$.lastNodeSequenceId");
        assertThat(v.rule()).isEqualTo("type");
    }

    @Test
    void integerWrittenWithAZeroFractionIsAnInteger() {
        State s = CODEC.decode(stateWith("\"lastNodeSequenceId\": 2", "\"lastNodeSequenceId\": 2.0"), State.class);
        assertThat(s.lastNodeSequenceId()).isEqualTo(2);
    }

    @Test
    void batteryChargeAboveHundredPercent() {
        Violation v = only(invalidState(stateWith("\"batteryCharge\": 80", "\"batteryCharge\": 120")));
        assertThat(v.path()).isEqualTo("$.batteryState.batteryCharge");
        assertThat(v.rule()).isEqualTo("maximum");
        assertThat(v.message()).contains("120", "100");
    }

    @Test
    void negativeBatteryCharge() {
        Violation v = only(invalidState(stateWith("\"batteryCharge\": 80", "\"batteryCharge\": -0.5")));
        assertThat(v.rule()).isEqualTo("minimum");
    }

    @Test
    void batteryHealthOutOfRangeFromTheOfficialSchema() {
        Violation v = only(invalidState(stateWith("\"batteryHealth\": 98", "\"batteryHealth\": 101")));
        assertThat(v.path()).isEqualTo("$.batteryState.batteryHealth");
        assertThat(v.rule()).isEqualTo("maximum");
    }

    @Test
    void localizationScoreAboveOne() {
        Violation v = only(invalidState(stateWith("\"localizationScore\": 0.98", "\"localizationScore\": 1.5")));
        assertThat(v.path()).isEqualTo("$.agvPosition.localizationScore");
    }

    @Test
    void thetaOutsidePlusMinusPi() {
        Violation v = only(invalidState(stateWith("\"theta\": 1.5707963", "\"theta\": 4.0")));
        assertThat(v.path()).isEqualTo("$.agvPosition.theta");
        assertThat(v.rule()).isEqualTo("maximum");
    }

    @Test
    void headerIdMustBeUint32() {
        assertThat(only(invalidState(stateWith("\"headerId\": 1022", "\"headerId\": -1"))).rule())
                .isEqualTo("minimum");
        assertThat(only(invalidState(stateWith("\"headerId\": 1022", "\"headerId\": 4294967296"))).rule())
                .isEqualTo("maximum");
    }

    @Test
    void malformedTimestamp() {
        Violation v = only(invalidState(stateWith("2017-04-15T11:40:05.12Z", "15.04.2017 11:40")));
        assertThat(v.path()).isEqualTo("$.timestamp");
        assertThat(v.rule()).isEqualTo("format");
    }

    @Test
    void timestampWithoutOffset() {
        assertThat(only(invalidState(stateWith("2017-04-15T11:40:05.12Z", "2017-04-15T11:40:05.12"))).rule())
                .isEqualTo("format");
    }

    @Test
    void versionOneIsRefused() {
        Violation v = only(invalidState(stateWith("\"version\": \"2.0.0\"", "\"version\": \"1.1.0\"")));
        assertThat(v.path()).isEqualTo("$.version");
        assertThat(v.rule()).isEqualTo("pattern");
    }

    @Test
    void nullForARequiredString() {
        Violation v = only(invalidState(stateWith("\"orderId\": \"1234\"", "\"orderId\": null")));
        assertThat(v.path()).isEqualTo("$.orderId");
        assertThat(v.rule()).isEqualTo("type");
    }

    @Test
    void malformed21Map() {
        Violation v = only(invalidState(utf8(Resources.text("examples/state-2.1.json")
                .replace("\"mapStatus\": \"DISABLED\"", "\"mapStatus\": \"OFF\""))));
        assertThat(v.path()).isEqualTo("$.maps[1].mapStatus");
    }

    @Test
    void allViolationsAreListed() {
        byte[] json = utf8(Resources.text("examples/state-driving.json")
                .replace("\"batteryCharge\": 80", "\"batteryCharge\": 180")
                .replace("\"eStop\": \"NONE\"", "\"eStop\": \"OFF\"")
                .replace("\"operatingMode\": \"AUTOMATIC\",", ""));
        Vda5050ValidationException e = invalidState(json);
        assertThat(e.violations()).extracting(Violation::path).containsExactlyInAnyOrder(
                "$.operatingMode", "$.batteryState.batteryCharge", "$.safetyState.eStop");
    }

    @Test
    void orderWithWrongBlockingTypeNamesNodeAndAction() {
        byte[] json = utf8(Resources.text("examples/order-figure5.json")
                .replace("\"blockingType\": \"HARD\"", "\"blockingType\": \"NOTE\""));
        Vda5050ValidationException e = catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Order.class));
        Violation v = only(e);
        assertThat(v.path()).isEqualTo("$.nodes[2].actions[0].blockingType");
        assertThat(v.rule()).isEqualTo("enum");
    }

    @Test
    void orderActionParameterValueMustNotBeNull() {
        byte[] json = utf8(Resources.text("examples/order-figure5.json")
                .replace("\"value\": \"floor\"", "\"value\": null"));
        Violation v = only(catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Order.class)));
        assertThat(v.path()).isEqualTo("$.nodes[2].actions[0].actionParameters[0].value");
        assertThat(v.rule()).isEqualTo("type");
    }

    @Test
    void orderNegativeSequenceId() {
        byte[] json = utf8(Resources.text("examples/order-figure5.json")
                .replace("\"sequenceId\": 7", "\"sequenceId\": -7"));
        Violation v = only(catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Order.class)));
        assertThat(v.path()).isEqualTo("$.edges[3].sequenceId");
        assertThat(v.rule()).isEqualTo("minimum");
    }

    @Test
    void connectionStateOutsideEnum() {
        byte[] json = utf8(Resources.text("examples/connection-broken.json").replace("CONNECTIONBROKEN", "LOST"));
        Violation v = only(catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Connection.class)));
        assertThat(v.path()).isEqualTo("$.connectionState");
    }

    @Test
    void visualizationNeedsTheHeader() {
        byte[] json = utf8("{\"agvPosition\": {\"x\": 1, \"y\": 2, \"theta\": 0, \"mapId\": \"m\", "
                + "\"positionInitialized\": true}}");
        Vda5050ValidationException e = catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Visualization.class));
        assertThat(e.violations()).extracting(Violation::path).containsExactly("$.headerId", "$.timestamp",
                "$.version", "$.manufacturer", "$.serialNumber");
    }

    @Test
    void factsheetBlockingTypesItemsAreChecked() {
        byte[] json = utf8(Resources.text("examples/factsheet.json")
                .replace("\"blockingTypes\": [\"HARD\"]", "\"blockingTypes\": [\"HARD\", \"FIRM\"]"));
        Violation v = only(catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Factsheet.class)));
        assertThat(v.path()).isEqualTo("$.protocolFeatures.agvActions[0].blockingTypes[1]");
    }

    @Test
    void factsheetDottedNamesAreQuotedInPaths() {
        byte[] json = utf8(Resources.text("examples/factsheet.json")
                .replace("\"order.nodes\": 200", "\"order.nodes\": \"many\""));
        Violation v = only(catchThrowableOfType(Vda5050ValidationException.class,
                () -> CODEC.decode(json, Factsheet.class)));
        assertThat(v.path()).isEqualTo("$.protocolLimits.maxArrayLens['order.nodes']");
    }

    @Test
    void violationsAreCapped() {
        StringBuilder actions = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            actions.append(i == 0 ? "" : ",").append("{\"actionId\": \"a").append(i).append("\"}");
        }
        byte[] json = stateWith("{\"actionId\": \"pick-7\", \"actionType\": \"pick\", \"actionStatus\": \"WAITING\"}",
                actions.toString());
        assertThat(invalidState(json).violations()).hasSize(SchemaValidator.MAX_VIOLATIONS);
    }

    @Test
    void decodingOnTheWrongTopicFails() {
        assertThatThrownBy(() -> CODEC.decode(Resources.bytes("examples/connection-broken.json"), State.class))
                .isInstanceOf(Vda5050ValidationException.class).hasMessageContaining("$.orderId");
    }

    // --- encoding refuses what decoding would refuse ---

    @Test
    void encodingAnInvalidStateFailsUnlessUnchecked() {
        State s = Samples.state();
        State bad = new State(s.headerId(), s.timestamp(), s.version(), s.manufacturer(), s.serialNumber(),
                s.orderId(), s.orderUpdateId(), s.zoneSetId(), s.lastNodeId(), s.lastNodeSequenceId(),
                s.nodeStates(), s.edgeStates(), s.agvPosition(), s.velocity(), s.loads(), s.driving(), s.paused(),
                s.newBaseRequest(), s.distanceSinceLastNode(), s.actionStates(), BatteryState.of(130, false),
                s.operatingMode(), s.errors(), s.information(), s.safetyState(), s.maps());
        assertThatThrownBy(() -> CODEC.encode(bad)).isInstanceOf(Vda5050ValidationException.class)
                .hasMessageContaining("$.batteryState.batteryCharge");
        // the unchecked variant writes it all the same (the receiver's decoder is what refuses it then)
        byte[] unchecked = CODEC.encodeUnchecked(bad);
        assertThatThrownBy(() -> CODEC.decode(unchecked, State.class)).isInstanceOf(Vda5050ValidationException.class)
                .hasMessageContaining("$.batteryState.batteryCharge");
        assertThat(CODEC.encodeUnchecked(s)).isEqualTo(CODEC.encode(s));
    }

    @Test
    void encodingAnOrderWithThetaOutOfRangeFails() {
        Order o = Order.of(Samples.header(1), "o", 0, null, List.of(new Node("n", 0, null, true,
                new NodePosition(0, 0, 7.0, null, null, "m", null), List.of())), List.of());
        assertThatThrownBy(() -> CODEC.encode(o)).isInstanceOf(Vda5050ValidationException.class)
                .hasMessageContaining("$.nodes[0].nodePosition.theta");
    }

    @Test
    void recordsRefuseMissingRequiredParts() {
        assertThatThrownBy(() -> new Node("n", 0, null, true, null, null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("actions");
        assertThatThrownBy(() -> new Header(-1, Samples.T, "2.0.0", "m", "s"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
