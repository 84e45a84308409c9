package org.fleetdispatch.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When to send an unanswered instant action again: soon at first, then less and less often (5 s, 10 s,
 * 20 s … up to 10 minutes), so that a robot that never answers (VDA 5050 2.0 makes the factsheet
 * optional) is not asked every few seconds forever. Per instance and in memory: losing it only means
 * asking once more.
 */
@ApplicationScoped
public class InstantActionRetries {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(10);

    private record Attempt(int count, Instant next) {
    }

    private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();

    /** Whether {@code actionType} may be sent to {@code robot} now; if so, the next attempt is scheduled. */
    public boolean due(String robot, String actionType, Instant now) {
        String key = key(robot, actionType);
        Attempt previous = attempts.get(key);
        if (previous != null && now.isBefore(previous.next())) {
            return false;
        }
        int count = previous == null ? 0 : previous.count() + 1;
        Duration wait = FIRST.multipliedBy(1L << Math.min(count, 7));
        attempts.put(key, new Attempt(count, now.plus(wait.compareTo(MAX) > 0 ? MAX : wait)));
        return true;
    }

    /**
     * Forgets the attempts of every robot and action type not in {@code waiting} ({@code robot/actionType} keys as
     * {@link #key} makes them): those robots did what was asked, and a next time starts from the beginning.
     */
    public void retainOnly(Set<String> waiting) {
        attempts.keySet().retainAll(waiting);
    }

    public static String key(String robot, String actionType) {
        return robot + "/" + actionType;
    }
}
