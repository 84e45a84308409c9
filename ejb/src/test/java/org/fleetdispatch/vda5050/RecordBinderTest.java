package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The tree binder gives what JSON-B gives for the same text, and names the path when a value does not fit. */
class RecordBinderTest {

    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Vda5050Codec CODEC = new Vda5050Codec();

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
        CODEC.close();
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("examples/order-figure5.json", Order.class),
                Arguments.of("examples/order-update-figure6.json", Order.class),
                Arguments.of("examples/instantActions-cancelOrder.json", InstantActions.class),
                Arguments.of("examples/state-driving.json", State.class),
                Arguments.of("examples/state-failed-fatal.json", State.class),
                Arguments.of("examples/state-2.1.json", State.class),
                Arguments.of("examples/connection-broken.json", Connection.class),
                Arguments.of("examples/factsheet.json", Factsheet.class),
                Arguments.of("examples/visualization.json", Visualization.class));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void bindsAsJsonbDoes(String resource, Class<? extends Vda5050Message> type) {
        String text = Resources.text(resource);
        assertThat(RecordBinder.bind(tree(text), type)).isEqualTo(JSONB.fromJson(text, type));
    }

    @Test
    void bindsTheSamplesAsJsonbDoes() {
        for (Vda5050Message m : List.of(Samples.order(), Samples.instantActions(), Samples.state(), Samples.connection(),
                Samples.visualization(), Samples.factsheet())) {
            String text = new String(CODEC.encode(m), StandardCharsets.UTF_8);
            assertThat(RecordBinder.bind(tree(text), m.getClass())).as(m.topic().level()).isEqualTo(m)
                    .isEqualTo(JSONB.fromJson(text, m.getClass()));
        }
    }

    @Test
    void readsRenamedMembers() {
        Factsheet.MaxArrayLens lens = RecordBinder.bind(tree("{\"order.nodes\": 7, \"state.errors\": 3}"),
                Factsheet.MaxArrayLens.class);
        assertThat(lens.orderNodes()).isEqualTo(7L);
        assertThat(lens.stateErrors()).isEqualTo(3L);
        assertThat(lens.orderEdges()).isNull();
    }

    @Test
    void absentPrimitivesAreZeroAndAbsentObjectsNull() {
        Velocity v = RecordBinder.bind(tree("{\"vx\": 1.5}"), Velocity.class);
        assertThat(v).isEqualTo(new Velocity(1.5, null, null));
        NodePosition p = RecordBinder.bind(tree("{\"mapId\": \"m\"}"), NodePosition.class);
        assertThat(p.x()).isZero();
    }

    @Test
    void anIntegerWithAFractionNamesItsPath() {
        assertThatThrownBy(() -> RecordBinder.bind(tree("{\"headerId\": 1.5, \"timestamp\": \"2026-01-01T00:00:00Z\","
                + " \"version\": \"2.0.0\", \"manufacturer\": \"m\", \"serialNumber\": \"s\", \"connectionState\": \"ONLINE\"}"),
                Connection.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.headerId");
    }

    @Test
    void anUnknownConstantNamesItsPath() {
        assertThatThrownBy(() -> RecordBinder.bind(tree("{\"headerId\": 1, \"timestamp\": \"2026-01-01T00:00:00Z\","
                + " \"version\": \"2.0.0\", \"manufacturer\": \"m\", \"serialNumber\": \"s\", \"connectionState\": \"ASLEEP\"}"),
                Connection.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("$.connectionState").hasMessageContaining("ASLEEP");
    }

    @Test
    void aRecordThatRefusesAValueNamesItsPath() {
        assertThatThrownBy(() -> RecordBinder.bind(tree("{\"headerId\": 1, \"timestamp\": \"2026-01-01T00:00:00Z\","
                + " \"version\": \"2.0.0\", \"manufacturer\": \"m\", \"serialNumber\": \"s\", \"actions\": [{}]}"),
                InstantActions.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$.actions[0]");
    }

    private static JsonObject tree(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
