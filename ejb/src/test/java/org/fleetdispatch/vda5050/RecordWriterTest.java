package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The record writer writes what JSON-B (nulls left out) writes for the same message, member order aside. */
class RecordWriterTest {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withNullValues(false));
    private static final Vda5050Codec CODEC = new Vda5050Codec();
    private static final RecordWriter WRITER = new RecordWriter(Json.createGeneratorFactory(Map.of()));

    @AfterAll
    static void close() throws Exception {
        JSONB.close();
    }

    /** The samples, and every official example as the decoder binds it (2.1 extras dropped, nulls as absent). */
    static Stream<Vda5050Message> messages() {
        Stream<Vda5050Message> samples = Stream.of(Samples.order(), Samples.instantActions(), Samples.state(),
                Samples.connection(), Samples.visualization(), Samples.factsheet());
        Stream<Vda5050Message> examples = Stream.of(
                CODEC.decode(Resources.bytes("examples/order-figure5.json"), Order.class),
                CODEC.decode(Resources.bytes("examples/order-update-figure6.json"), Order.class),
                CODEC.decode(Resources.bytes("examples/instantActions-cancelOrder.json"), InstantActions.class),
                CODEC.decode(Resources.bytes("examples/state-driving.json"), State.class),
                CODEC.decode(Resources.bytes("examples/state-failed-fatal.json"), State.class),
                CODEC.decode(Resources.bytes("examples/state-2.1.json"), State.class),
                CODEC.decode(Resources.bytes("examples/connection-broken.json"), Connection.class),
                CODEC.decode(Resources.bytes("examples/factsheet.json"), Factsheet.class),
                CODEC.decode(Resources.bytes("examples/visualization.json"), Visualization.class));
        return Stream.concat(samples, examples);
    }

    @ParameterizedTest
    @MethodSource("messages")
    void writesWhatJsonbWrites(Vda5050Message message) {
        JsonValue ours = tree(new String(WRITER.write((Record) message), StandardCharsets.UTF_8));
        JsonValue jsonb = tree(JSONB.toJson(message));
        assertThat(ours).as(message.topic().level()).isEqualTo(jsonb);
        assertThat(CODEC.decode(CODEC.encode(message), message.getClass())).isEqualTo(message);
    }

    @Test
    void writesRenamedMembersAndLeavesNullsOut() {
        Factsheet.MaxArrayLens lens = RecordBinder.bind(tree("{\"order.nodes\": 7}").asJsonObject(),
                Factsheet.MaxArrayLens.class);
        String json = new String(WRITER.write(lens), StandardCharsets.UTF_8);
        assertThat(tree(json)).isEqualTo(tree("{\"order.nodes\": 7}"));
    }

    @Test
    void refusesATypeTheMessagesDoNotUse() {
        record Odd(Object value) {
        }
        assertThatThrownBy(() -> WRITER.write(new Odd(new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("StringBuilder");
        assertThat(new String(WRITER.write(new Odd(List.of("a", 1L))), StandardCharsets.UTF_8))
                .isEqualTo("{\"value\":[\"a\",1]}");
    }

    private static JsonValue tree(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
