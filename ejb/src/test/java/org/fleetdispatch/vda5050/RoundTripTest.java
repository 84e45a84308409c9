package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every message type: encode, then decode, gives an equal record; and the JSON names are the spec's. */
class RoundTripTest {

    private static final Vda5050Codec CODEC = new Vda5050Codec();

    @AfterAll
    static void close() {
        CODEC.close();
    }

    private static <T extends Vda5050Message> T roundTrip(T message) {
        byte[] json = CODEC.encode(message);
        @SuppressWarnings("unchecked")
        T back = (T) CODEC.decode(json, message.getClass());
        assertThat(back).isEqualTo(message);
        assertThat(CODEC.encode(back)).isEqualTo(json);
        return back;
    }

    private static String json(Vda5050Message m) {
        return new String(CODEC.encode(m), StandardCharsets.UTF_8);
    }

    @Test
    void order() {
        roundTrip(Samples.order());
        assertThat(json(Samples.order())).contains("\"orderUpdateId\":0", "\"nodePosition\":{",
                "\"allowedDeviationXY\":0.5", "\"blockingType\":\"HARD\"", "\"orientationType\":\"TANGENTIAL\"",
                "\"knotVector\":[0.0,0.0,1.0,1.0]", "\"key\":\"limits\",\"value\":{\"max\":3}",
                "\"timestamp\":\"2026-03-01T10:15:30.120Z\"", "\"headerId\":42");
    }

    @Test
    void orderWithoutOptionalFieldsWritesNoNulls() {
        Order minimal = Order.of(Samples.header(1), "o", 0, null,
                java.util.List.of(new Node("n", 0, null, true, null, java.util.List.of())), java.util.List.of());
        roundTrip(minimal);
        assertThat(json(minimal)).doesNotContain("null", "zoneSetId", "nodePosition").contains("\"edges\":[]");
    }

    @Test
    void instantActions() {
        roundTrip(Samples.instantActions());
        assertThat(json(Samples.instantActions())).contains("\"actions\":[", "\"actionType\":\"cancelOrder\"");
    }

    @Test
    void state() {
        roundTrip(Samples.state());
        assertThat(json(Samples.state())).contains("\"lastNodeSequenceId\":2", "\"actionStatus\":\"FINISHED\"",
                "\"errorLevel\":\"WARNING\"", "\"infoLevel\":\"INFO\"", "\"eStop\":\"NONE\"",
                "\"operatingMode\":\"AUTOMATIC\"", "\"mapStatus\":\"ENABLED\"", "\"errorHint\":\"charge soon\"",
                "\"batteryCharge\":87.5", "\"positionInitialized\":true");
    }

    @Test
    void connection() {
        roundTrip(Samples.connection());
        assertThat(json(Samples.connection())).contains("\"connectionState\":\"ONLINE\"");
    }

    @Test
    void factsheet() {
        roundTrip(Samples.factsheet());
        assertThat(json(Samples.factsheet())).contains("\"order.nodes\":1000", "\"isActiveDriven\":true",
                "\"isActiveSteered\":false", "\"isOptional\":true", "\"blockingTypes\":[\"HARD\",\"SOFT\"]",
                "\"agvClass\":\"CARRIER\"", "\"speedMax\":2.0", "\"localizationParameters\":{");
    }

    @Test
    void visualization() {
        roundTrip(Samples.visualization());
        assertThat(json(Samples.visualization())).contains("\"agvPosition\":{", "\"vx\":0.5").doesNotContain("vy");
    }
}
