package org.fleetdispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fleetdispatch.mission.tree.MissionNode;
import org.fleetdispatch.mission.tree.MissionState;
import org.fleetdispatch.mission.tree.NodeStatus;
import org.fleetdispatch.mission.tree.Waypoint;
import org.junit.jupiter.api.Test;

class JsonConvertersTest {

    @Test
    void countsKeepTheirOrderAndReadBackAsWritten() {
        JsonConverters.Counts counts = new JsonConverters.Counts();
        Map<String, Integer> written = new LinkedHashMap<>();
        written.put("route \"b\"", 2);
        written.put("a", 0);
        written.put("ü-1", 107);

        String json = counts.convertToDatabaseColumn(written);

        assertThat(json).isEqualTo("{\"route \\\"b\\\"\":2,\"a\":0,\"ü-1\":107}");
        assertThat(counts.convertToEntityAttribute(json)).containsExactlyEntriesOf(written);
        assertThat(counts.convertToEntityAttribute("{}")).isEmpty();
        assertThat(counts.convertToDatabaseColumn(Map.of())).isEqualTo("{}");
        assertThat(json).isEqualTo(Json.write(written));
    }

    @Test
    void countsReadWhatJsonBWroteBefore() {
        Map<String, Integer> written = new LinkedHashMap<>(Map.of("route", 3));
        assertThat(new JsonConverters.Counts().convertToEntityAttribute(Json.write(written)))
                .containsExactlyEntriesOf(written);
    }

    @Test
    void aCountThatIsNotAWholeNumberIsRefused() {
        assertThatThrownBy(() -> new JsonConverters.Counts().convertToEntityAttribute("{\"route\":1.5}"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void nodeStatusesAreWrittenAsJsonBWroteThemAndReadBack() {
        JsonConverters.NodeStatuses converter = new JsonConverters.NodeStatuses();
        Map<String, NodeStatus> statuses = new LinkedHashMap<>();
        statuses.put("root", NodeStatus.of(MissionState.FAILED));
        statuses.put("drive \"1\"", new NodeStatus(MissionState.FAILED, "Node 'drive' failed: blocked"));
        statuses.put("0", NodeStatus.PENDING);

        String json = converter.convertToDatabaseColumn(statuses);

        assertThat(json).isEqualTo(Json.write(statuses));
        assertThat(converter.convertToEntityAttribute(json)).containsExactlyEntriesOf(statuses);
        assertThat(converter.convertToEntityAttribute(Json.write(statuses))).containsExactlyEntriesOf(statuses);
    }

    @Test
    void aTreeReadTwiceIsParsedOnceAndCannotBeChanged() {
        JsonConverters.MissionNodes converter = new JsonConverters.MissionNodes();
        String json = converter.convertToDatabaseColumn(List.of(
                MissionNode.route("drive", null, Waypoint.at(1, 2, 0, "map"))));

        List<MissionNode> first = converter.convertToEntityAttribute(json);
        List<MissionNode> second = converter.convertToEntityAttribute(new String(json.toCharArray()));

        assertThat(second).isSameAs(first);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).name()).isEqualTo("drive");
        assertThatThrownBy(() -> first.add(first.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> first.get(0).route().waypoints().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anUpdatedTreeIsReadAsItIsNow() {
        JsonConverters.MissionNodes converter = new JsonConverters.MissionNodes();
        String before = converter.convertToDatabaseColumn(List.of(
                MissionNode.route("drive", null, Waypoint.at(1, 2, 0, "map"))));
        String after = converter.convertToDatabaseColumn(List.of(
                MissionNode.route("drive", null, Waypoint.at(5, 6, 0, "map"))));

        assertThat(converter.convertToEntityAttribute(before).get(0).route().waypoints().get(0).x()).isEqualTo(1);
        assertThat(converter.convertToEntityAttribute(after).get(0).route().waypoints().get(0).x()).isEqualTo(5);
    }
}
