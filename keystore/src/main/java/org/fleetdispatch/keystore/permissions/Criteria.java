package org.fleetdispatch.keystore.permissions;

import java.util.List;
import java.util.Objects;
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
 * <p>Matching works on arrays compiled once: decisions are on the hot path of every message.
 */
public final class Criteria {

    private static final NamePattern[] EMPTY_PARTITION_ONLY = {NamePattern.compile("")};

    private final Action action;
    private final int line;
    private final List<NamePattern> topics;
    private final Optional<List<NamePattern>> partitions;
    private final Optional<List<DataTag>> dataTags;
    private final NamePattern[] topicArray;
    private final NamePattern[] partitionArray;
    private final DataTag[] tagArray;

    /**
     * @param line where it is written, or -1
     * @param partitions the partition expressions; empty when the element is absent
     * @param dataTags the tags; empty when the element is absent
     */
    public Criteria(Action action, int line, List<NamePattern> topics,
                    Optional<List<NamePattern>> partitions, Optional<List<DataTag>> dataTags) {
        this.action = Objects.requireNonNull(action, "action");
        this.line = line;
        this.topics = List.copyOf(topics);
        this.partitions = partitions.map(List::copyOf);
        this.dataTags = dataTags.map(List::copyOf);
        if (this.topics.isEmpty()) {
            throw new IllegalArgumentException("criteria need at least one topic expression");
        }
        this.topicArray = this.topics.toArray(NamePattern[]::new);
        this.partitionArray = this.partitions.map(p -> p.toArray(NamePattern[]::new)).orElse(EMPTY_PARTITION_ONLY);
        this.tagArray = this.dataTags.map(t -> t.toArray(DataTag[]::new)).orElse(null);
    }

    public Action action() {
        return action;
    }

    public int line() {
        return line;
    }

    public List<NamePattern> topics() {
        return topics;
    }

    /** The partition expressions as written; empty when there is no {@code <partitions>} element. */
    public Optional<List<NamePattern>> partitions() {
        return partitions;
    }

    /** The data tags as written; empty when there is no {@code <data_tags>} element. */
    public Optional<List<DataTag>> dataTags() {
        return dataTags;
    }

    /** The topic expression matching the topic, if any. The topic name is never a pattern. */
    public Optional<NamePattern> matchingTopic(String topic) {
        int i = matchingTopicIndex(topic);
        return i < 0 ? Optional.empty() : Optional.of(topicArray[i]);
    }

    int matchingTopicIndex(String topic) {
        for (int i = 0; i < topicArray.length; i++) {
            if (topicArray[i].matches(topic)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the request's partitions satisfy this criteria for an allow ({@code allow}) or deny rule. */
    public boolean partitionsMatch(List<String> requested, boolean allow) {
        if (requested.isEmpty()) {
            return anyMatches("");
        }
        for (int i = 0, n = requested.size(); i < n; i++) {
            boolean matched = anyMatches(requested.get(i));
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
            for (int i = 0, n = requested.size(); i < n; i++) {
                if (!listed(requested.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (tagArray == null) {
            return true;
        }
        for (int i = 0, n = requested.size(); i < n; i++) {
            if (listed(requested.get(i))) {
                return true;
            }
        }
        return false;
    }

    private boolean listed(DataTag tag) {
        if (tagArray != null) {
            for (DataTag t : tagArray) {
                if (t.equals(tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean anyMatches(String name) {
        for (NamePattern p : partitionArray) {
            if (p.matches(name)) {
                return true;
            }
        }
        return false;
    }

    String describe(int topicIndex) {
        StringBuilder sb = new StringBuilder(action.element()).append(" topic \"").append(topicArray[topicIndex].expression()).append('"');
        partitions.ifPresent(p -> sb.append(" partitions ").append(
                p.stream().map(NamePattern::expression).collect(Collectors.joining(", ", "[", "]"))));
        dataTags.ifPresent(t -> sb.append(" data_tags ").append(t));
        return sb.toString();
    }

    int topicCount() {
        return topicArray.length;
    }

    @Override
    public String toString() {
        return action.element() + " (line " + line + ") " + topics;
    }
}
