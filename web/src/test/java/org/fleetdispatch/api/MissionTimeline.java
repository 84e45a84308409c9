package org.fleetdispatch.api;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * What a client sees on {@code GET /mission/watch}: every mission as it is when the watch opens, then
 * every change, one JSON object per line. Records the distinct states, and the current nodes while
 * running, of every mission it hears about. Open it before submitting the missions to observe.
 */
final class MissionTimeline implements AutoCloseable {

    private final Map<String, List<String>> states = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> currentNodes = new ConcurrentHashMap<>();
    private final Stream<String> lines;
    private final Thread reader;

    private MissionTimeline(HttpResponse<Stream<String>> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("GET mission/watch answered " + response.statusCode());
        }
        lines = response.body();
        reader = new Thread(() -> {
            try {
                lines.filter(l -> !l.isBlank()).forEach(this::record);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "mission-watch-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static MissionTimeline open(FleetApi api) throws IOException, InterruptedException {
        return new MissionTimeline(api.lines("mission/watch"));
    }

    private void record(String line) {
        JsonObject mission = FleetApi.object(line);
        String name = mission.getString("name");
        JsonObject status = mission.getJsonObject("status");
        String state = "DELETED".equals(mission.getString("lifecycle")) ? "DELETED" : status.getString("state");
        List<String> seen = states.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
            seen.add(state);
        }
        if ("RUNNING".equals(state)) {
            List<Integer> nodes = currentNodes.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
            int node = status.getInt("current_node");
            if (nodes.isEmpty() || nodes.get(nodes.size() - 1) != node) {
                nodes.add(node);
            }
        }
    }

    /** The distinct states seen for one mission, in order. */
    List<String> states(String name) {
        return List.copyOf(states.getOrDefault(name, List.of()));
    }

    /** The distinct current nodes seen while it was running. */
    List<Integer> currentNodes(String name) {
        return List.copyOf(currentNodes.getOrDefault(name, List.of()));
    }

    /** Whether every one of these missions reached COMPLETED, FAILED or CANCELED. */
    boolean done(String... names) {
        for (String name : names) {
            List<String> s = states(name);
            if (s.isEmpty() || !List.of("COMPLETED", "FAILED", "CANCELED").contains(s.get(s.size() - 1))) {
                return false;
            }
        }
        return true;
    }

    boolean done(List<String> names) {
        return done(names.toArray(String[]::new));
    }

    @Override
    public void close() {
        lines.close();
    }
}
