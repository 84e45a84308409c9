package org.fleetdispatch.keystore.permissions;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fleetdispatch.keystore.dds.NamePattern;

/**
 * One {@code <publish>}, {@code <subscribe>} or {@code <relay>} of a rule.
 *
 * <p>Partitions (DDS-Security 9.4.1.3.2.3.1.4): without a {@code <partitions>} element the
 * criteria covers only the empty-string partition, which is also the partition of a request that
 * names none. For an allow rule every partition of the request must match an expression; for a
 * deny rule one is enough (a deny must not be escaped by adding a harmless partition).
 *
 * <p>Data tags: for an allow rule every tag of the request must be listed (so a request without
 * tags matches, and a criteria without {@code <data_tags>} admits only untagged requests); for a
 * deny rule one listed tag is enough, and a deny without {@code <data_tags>} applies whatever the
 * tags (fail closed; ADR 0022).
 *
 * @param line where it is written
 * @param partitions the partition expressions, empty when the element is absent
 * @param dataTags the tags, empty when the element is absent
 */
public record Criteria(
        Action action,
        int line,
        List<NamePattern> topics,
        Optional<List<NamePattern>> partitions,
        Optional<List<DataTag>> dataTags) {

    private static final List<NamePattern> EMPTY_PARTITION_ONLY = List.of(NamePattern.compile(""));
    private static final List<String> EMPTY_PARTITION_REQUEST = List.of("");

    public Criteria {
        topics = List.copyOf(topics);
        partitions = partitions.map(List::copyOf);
        dataTags = dataTags.map(List::copyOf);
        if (topics.isEmpty()) {
            throw new IllegalArgumentException("criteria need at least one topic expression");
        }
    }

    /** The topic expression matching the topic, if any. The topic name is never a pattern. */
    public Optional<NamePattern> matchingTopic(String topic) {
        for (NamePattern p : topics) {
            if (p.matches(topic)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Whether the request's partitions satisfy this criteria for an allow ({@code allow}) or deny rule. */
    public boolean partitionsMatch(List<String> requested, boolean allow) {
        List<NamePattern> expressions = partitions.orElse(EMPTY_PARTITION_ONLY);
        List<String> names = requested.isEmpty() ? EMPTY_PARTITION_REQUEST : requested;
        for (String name : names) {
            boolean matched = anyMatches(expressions, name);
            if (allow && !matched) {
                return false;
            }
            if (!allow && matched) {
                return true;
            }
        }
        return allow;
    }

    /** Whether the request's data tags satisfy this criteria for an allow ({@code allow}) or deny rule. */
    public boolean dataTagsMatch(List<DataTag> requested, boolean allow) {
        if (allow) {
            List<DataTag> listed = dataTags.orElse(List.of());
            return listed.containsAll(requested);
        }
        if (dataTags.isEmpty()) {
            return true;
        }
        for (DataTag t : requested) {
            if (dataTags.get().contains(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyMatches(List<NamePattern> expressions, String name) {
        for (NamePattern p : expressions) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }

    String describe(NamePattern topic) {
        StringBuilder sb = new StringBuilder(action.element()).append(" topic \"").append(topic.expression()).append('"');
        partitions.ifPresent(p -> sb.append(" partitions ").append(
                p.stream().map(NamePattern::expression).collect(Collectors.joining(", ", "[", "]"))));
        dataTags.ifPresent(t -> sb.append(" data_tags ").append(t));
        return sb.toString();
    }
}
