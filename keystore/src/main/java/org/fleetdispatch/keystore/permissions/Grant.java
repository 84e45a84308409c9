package org.fleetdispatch.keystore.permissions;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.fleetdispatch.keystore.dds.NamePattern;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.pki.Validity;

/**
 * A {@code <grant>}: the permissions of one subject, evaluated as DDS-Security 9.4.1.3 says.
 *
 * @param line where it is written
 * @param defaultAllows whether {@code <default>} is ALLOW
 */
public record Grant(
        String name,
        int line,
        DistinguishedName subject,
        Validity validity,
        List<Rule> rules,
        boolean defaultAllows) {

    public Grant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(validity, "validity");
        rules = List.copyOf(rules);
    }

    /** Whether the grant's validity window (both ends inclusive) contains the instant. */
    public boolean validAt(Instant at) {
        return validity.contains(at);
    }

    /**
     * Joining a domain: the first rule whose domains contain the domain decides if it is an allow
     * rule, or a deny rule without any criteria; a deny rule with publish/subscribe/relay criteria
     * restricts topics, not joining (Connext "How the Permissions are Interpreted"), so the search
     * goes on. Otherwise the default. Validity is the caller's concern.
     */
    public Decision decideJoin(int domainId) {
        for (Rule rule : rules) {
            if (!rule.domains().contains(domainId)) {
                continue;
            }
            if (rule.allows()) {
                return Decision.allow(describe(rule) + ": domain " + domainId + " in " + rule.domains());
            }
            if (rule.criteria().isEmpty()) {
                return Decision.deny(describe(rule) + ": domain " + domainId + " in " + rule.domains());
            }
        }
        return byDefault("join domain " + domainId);
    }

    /**
     * Publishing, subscribing or relaying: the first rule that applies decides (its domains
     * contain the domain and one of its criteria for the action matches topic, partitions and
     * data tags); when none applies, the default. A rule whose topic matches but whose partitions
     * or tags do not is simply not applicable: the search goes on (Fast-DDS stops there).
     *
     * @param partitions the partitions of the request; empty means the empty-string partition
     * @param dataTags the data tags of the request; empty means none
     */
    public Decision decide(int domainId, Action action, String topic, List<String> partitions, List<DataTag> dataTags) {
        if (action == Action.JOIN) {
            return decideJoin(domainId);
        }
        Objects.requireNonNull(topic, "topic");
        for (Rule rule : rules) {
            if (!rule.domains().contains(domainId)) {
                continue;
            }
            boolean allow = rule.allows();
            for (Criteria c : rule.criteria()) {
                if (c.action() != action) {
                    continue;
                }
                Optional<NamePattern> topicMatch = c.matchingTopic(topic);
                if (topicMatch.isPresent() && c.partitionsMatch(partitions, allow) && c.dataTagsMatch(dataTags, allow)) {
                    String why = describe(rule) + ": " + c.describe(topicMatch.get());
                    return allow ? Decision.allow(why) : Decision.deny(why);
                }
            }
        }
        return byDefault(action.element() + " \"" + topic + "\"");
    }

    private Decision byDefault(String what) {
        String why = "<default>" + (defaultAllows ? "ALLOW" : "DENY") + "</default> of grant \"" + name
                + "\" (line " + line + "): no rule applies to " + what;
        return defaultAllows ? Decision.allow(why) : Decision.deny(why);
    }

    private String describe(Rule rule) {
        return rule.kind().element() + " #" + rule.number() + " of grant \"" + name + "\" (line " + rule.line() + ")";
    }
}
