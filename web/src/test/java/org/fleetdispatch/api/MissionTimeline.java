package org.fleetdispatch.api;

import static org.awaitility.Awaitility.await;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What a client sees on {@code GET /mission/watch}: every mission as it is when the watch opens, then
 * every change, one JSON object per line. Records the distinct states, the current nodes while
 * running and the task counts of every mission it hears about, and the order in which missions changed
 * state. Open it before submitting the missions to observe.
 */
final class MissionTimeline implements AutoCloseable {

    private final Map<String, List<String>> states = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> currentNodes = new ConcurrentHashMap<>();
    private final Map<String, List<Integer>> taskCounts = new ConcurrentHashMap<>();
    private final List<String> transitions = new CopyOnWriteArrayList<>();
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

    /**
     * Opens the stream. Right after Arquillian reports the deployment, Payara Micro has once answered 404 for
     * a moment (seen in a run of two scenarios): that is waited out, anything else is an answer.
     */
    static MissionTimeline open(Api api) {
        AtomicReference<HttpResponse<Stream<String>>> response = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<Stream<String>> r = api.lines("mission/watch");
            if (r.statusCode() == 404) {
                r.body().close();
                return false;
            }
            response.set(r);
            return true;
        });
        return new MissionTimeline(response.get());
    }

    private void record(String line) {
        JsonObject mission = Api.object(line);
        String name = mission.getString("name");
        JsonObject status = mission.getJsonObject("status");
        String state = "DELETED".equals(mission.getString("lifecycle")) ? "DELETED" : status.getString("state");
        List<String> seen = states.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
            seen.add(state);
            transitions.add(name + " " + state);
        }
        if (status.get("task_status") instanceof JsonObject tasks) {
            tasks.forEach((node, count) -> addIfChanged(taskCounts.computeIfAbsent(name + "/" + node, k -> new CopyOnWriteArrayList<>()),
                    ((jakarta.json.JsonNumber) count).intValue()));
        }
        if ("RUNNING".equals(state)) {
            List<Integer> nodes = currentNodes.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
            addIfChanged(nodes, status.getInt("current_node"));
        }
    }

    private static void addIfChanged(List<Integer> values, int value) {
        if (values.isEmpty() || values.get(values.size() - 1) != value) {
            values.add(value);
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

    /** The distinct task counts of one route node, in order. */
    List<Integer> taskCounts(String mission, String node) {
        return List.copyOf(taskCounts.getOrDefault(mission + "/" + node, List.of()));
    }

    /** Every state change of every mission, "name STATE", in the order the watch told them. */
    List<String> transitions() {
        return List.copyOf(transitions);
    }

    /** Whether the watch has shown this mission in this state (now or before). */
    boolean reached(String name, String state) {
        return states(name).contains(state);
    }

    /** Whether every one of these missions reached COMPLETED, FAILED or CANCELED, or was deleted. */
    boolean done(String... names) {
        for (String name : names) {
            List<String> s = states(name);
            if (s.isEmpty() || !List.of("COMPLETED", "FAILED", "CANCELED", "DELETED").contains(s.get(s.size() - 1))) {
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
