package org.fleetdispatch.vda5050;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schemas the codec applies are the official 2.0.0 files, and the defects we repair are the ones the files
 * really have.
 */
class OfficialSchemasTest {

    private static JsonObject parse(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    private static String lenient(String text) {
        return text.replaceAll(",(\\s*[\\]}])", "$1");
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void embeddedTextIsTheOfficialFile(Topic topic) {
        String file = Resources.text("2.0.0/" + topic.level() + ".schema");
        assertThat(parse(lenient(SchemaCatalog.officialText(topic)))).isEqualTo(parse(lenient(file)));
    }

    @ParameterizedTest
    @EnumSource(Topic.class)
    void everyRepairedSchemaCompiles(Topic topic) {
        assertThat(SchemaValidator.compile(SchemaCatalog.official(topic))).isNotNull();
    }

    @Test
    void onlyStateHasTheTrailingCommaDefect() {
        for (Topic topic : Topic.values()) {
            String text = SchemaCatalog.officialText(topic);
            if (topic == Topic.STATE) {
                assertThatThrownBy(() -> parse(text)).hasMessageContaining("line no=221");
            } else {
                assertThat(parse(text)).isNotNull();
            }
        }
    }

    @Test
    void factsheetBlockingTypesDefectIsRealAndRefusedUnrepaired() {
        JsonObject raw = parse(SchemaCatalog.officialText(Topic.FACTSHEET));
        JsonObject blockingTypes = Json.createPointer(
                "/properties/protocolFeatures/properties/agvActions/items/properties/blockingTypes")
                .getValue(raw).asJsonObject();
        assertThat(blockingTypes.getString("type")).isEqualTo("array");
        assertThat(blockingTypes).containsKey("enum").doesNotContainKey("items");
        assertThatThrownBy(() -> SchemaValidator.compile(raw))
                .hasMessageContaining("blockingTypes").hasMessageContaining("can never match type array");
    }

    @Test
    void the21SchemasStillHaveTheSameFactsheetDefectAndMissPaused() {
        JsonObject state21 = parse(lenient(Resources.text("2.1.0/state.schema")));
        String statusEnum = Json.createPointer("/properties/actionStates/items/properties/actionStatus/enum")
                .getValue(state21).toString();
        assertThat(statusEnum).doesNotContain("PAUSED");
        JsonObject state20 = SchemaCatalog.official(Topic.STATE);
        assertThat(Json.createPointer("/properties/actionStates/items/properties/actionStatus/enum")
                .getValue(state20).toString()).contains("PAUSED");
    }
}
