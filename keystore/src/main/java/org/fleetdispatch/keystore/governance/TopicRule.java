package org.fleetdispatch.keystore.governance;

import org.fleetdispatch.keystore.dds.NamePattern;

/**
 * A governance {@code <topic_rule>}: how the topics its expression matches are protected.
 *
 * @param number 1-based position within its domain_rule, for messages
 * @param line where it is written
 */
public record TopicRule(
        int number,
        int line,
        NamePattern topicExpression,
        boolean enableDiscoveryProtection,
        boolean enableLivelinessProtection,
        boolean enableReadAccessControl,
        boolean enableWriteAccessControl,
        ProtectionKind metadataProtectionKind,
        ProtectionKind dataProtectionKind) {

    public boolean matches(String topic) {
        return topicExpression.matches(topic);
    }

    @Override
    public String toString() {
        return "topic_rule #" + number + " \"" + topicExpression.expression() + "\" (line " + line + ")";
    }
}
