package org.fleetdispatch.api;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records, for a set of missions, the sequence of distinct states (and current nodes) the API shows,
 * by reading every mission every 50 ms.
 */
final class MissionTimeline implements AutoCloseable {

    private final FleetApi api;
    private final List<String> names;
    private final List<List<String>> states = new ArrayList<>();
    private final List<List<Integer>> currentNodes = new ArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();

    MissionTimeline(FleetApi api, List<String> names) {
        this.api = api;
        this.names = List.copyOf(names);
        for (int i = 0; i < names.size(); i++) {
            states.add(new CopyOnWriteArrayList<>());
            currentNodes.add(new CopyOnWriteArrayList<>());
        }
        poller.scheduleWithFixedDelay(this::poll, 0, 50, TimeUnit.MILLISECONDS);
    }

    static MissionTimeline watch(FleetApi api, String... names) {
        return new MissionTimeline(api, List.of(names));
    }

    private void poll() {
        try {
            for (int i = 0; i < names.size(); i++) {
                JsonObject status = api.mission(names.get(i)).getJsonObject("status");
                String state = status.getString("state");
                List<String> seen = states.get(i);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
                    seen.add(state);
                }
                if ("RUNNING".equals(state)) {
                    int node = status.getInt("current_node");
                    List<Integer> nodes = currentNodes.get(i);
                    if (nodes.isEmpty() || nodes.get(nodes.size() - 1) != node) {
                        nodes.add(node);
                    }
                }
            }
        } catch (Throwable t) {
            errors.add(t);
        }
    }

    /** The distinct states seen for one mission, in order. */
    List<String> states(String name) {
        return List.copyOf(states.get(names.indexOf(name)));
    }

    /** The distinct current nodes seen while it was running. */
    List<Integer> currentNodes(String name) {
        return List.copyOf(currentNodes.get(names.indexOf(name)));
    }

    /** Whether every mission reached COMPLETED, FAILED or CANCELED. */
    boolean allDone() {
        for (List<String> s : states) {
            if (s.isEmpty() || !List.of("COMPLETED", "FAILED", "CANCELED").contains(s.get(s.size() - 1))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        poller.shutdownNow();
        if (!errors.isEmpty()) {
            throw new AssertionError("reading missions failed", errors.get(0));
        }
    }
}
