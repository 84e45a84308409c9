package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON-schema subset interpreter on its own. */
class SchemaValidatorTest {

    private static JsonValue json(String s) {
        try (JsonReader r = Json.createReader(new StringReader(s))) {
            return r.readValue();
        }
    }

    private static List<Violation> check(String schema, String value) {
        List<Violation> out = new ArrayList<>();
        SchemaValidator.compile((JsonObject) json(schema)).validate(json(value), out);
        return out;
    }

    @Test
    void unsupportedKeywordsAreRefusedAtCompileTime() {
        assertThatThrownBy(() -> SchemaValidator.compile((JsonObject) json("{\"properties\": {\"a\": "
                + "{\"type\": \"string\", \"maxLength\": 3}}}")))
                .hasMessageContaining("#/properties/a/maxLength").hasMessageContaining("not supported");
        assertThatThrownBy(() -> SchemaValidator.compile((JsonObject) json("{\"format\": \"uri\"}")))
                .hasMessageContaining("only format date-time");
        assertThatThrownBy(() -> SchemaValidator.compile((JsonObject) json("{\"$ref\": \"other.json#/a\"}")))
                .hasMessageContaining("only local references");
    }

    @Test
    void integerAcceptsIntegralNumbersWrittenWithAFraction() {
        assertThat(check("{\"type\": \"integer\"}", "3")).isEmpty();
        assertThat(check("{\"type\": \"integer\"}", "3.0")).isEmpty();
        assertThat(check("{\"type\": \"integer\"}", "3e2")).isEmpty();
        assertThat(check("{\"type\": \"integer\"}", "3.5")).extracting(Violation::rule).containsExactly("type");
    }

    @Test
    void severalTypes() {
        String schema = "{\"type\": [\"string\", \"number\"]}";
        assertThat(check(schema, "\"a\"")).isEmpty();
        assertThat(check(schema, "1")).isEmpty();
        assertThat(check(schema, "true")).extracting(Violation::message)
                .containsExactly("expected string or number but found the boolean true");
    }

    @Test
    void localReferences() {
        String schema = "{\"properties\": {\"a\": {\"$ref\": \"#/definitions/x\"}},"
                + " \"definitions\": {\"x\": {\"type\": \"object\", \"required\": [\"id\"]}}}";
        assertThat(check(schema, "{\"a\": {\"id\": 1}}")).isEmpty();
        assertThat(check(schema, "{\"a\": {}}")).extracting(Violation::path).containsExactly("$.a.id");
    }

    @Test
    void boundsAreInclusiveAndExact() {
        String schema = "{\"minimum\": 0, \"maximum\": 4294967295}";
        assertThat(check(schema, "0")).isEmpty();
        assertThat(check(schema, "4294967295")).isEmpty();
        assertThat(check(schema, "4294967295.0000000001")).extracting(Violation::rule).containsExactly("maximum");
        assertThat(check(schema, "-0.0000001")).extracting(Violation::rule).containsExactly("minimum");
    }

    @Test
    void dateTimeIsRfc3339() {
        String schema = "{\"format\": \"date-time\"}";
        assertThat(check(schema, "\"2017-04-15T11:40:03.12Z\"")).isEmpty();
        assertThat(check(schema, "\"2017-04-15T11:40:03Z\"")).isEmpty();
        assertThat(check(schema, "\"2017-04-15T11:40:03.123456+01:30\"")).isEmpty();
        assertThat(check(schema, "\"2017-04-15T11:40Z\"")).hasSize(1);
        assertThat(check(schema, "\"2017-04-15 11:40:03Z\"")).hasSize(1);
        assertThat(check(schema, "\"2017-02-30T11:40:03Z\"")).hasSize(1);
        assertThat(check(schema, "\"\"")).hasSize(1);
    }
}
