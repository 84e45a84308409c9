package org.fleetdispatch.keystore.governance;

import java.util.List;
import java.util.Optional;
import org.fleetdispatch.keystore.dds.DomainIdSet;

/**
 * A governance {@code <domain_rule>}.
 *
 * @param number 1-based position in the document, for messages
 * @param line where it is written
 */
public record DomainRule(
        int number,
        int line,
        DomainIdSet domains,
        boolean allowUnauthenticatedParticipants,
        boolean enableJoinAccessControl,
        ProtectionKind discoveryProtectionKind,
        ProtectionKind livelinessProtectionKind,
        ProtectionKind rtpsProtectionKind,
        List<TopicRule> topicRules) {

    public DomainRule {
        topicRules = List.copyOf(topicRules);
    }

    /** The first topic_rule whose expression matches the topic name (DDS-Security 9.4.1.2.6). */
    public Optional<TopicRule> topicRule(String topic) {
        for (TopicRule r : topicRules) {
            if (r.matches(topic)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "domain_rule #" + number + " (line " + line + ")";
    }
}
