package org.fleetdispatch.keystore.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.dds.NamePattern;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.Criteria;
import org.fleetdispatch.keystore.permissions.Rule;

/**
 * What one enclave may and may not do, accumulated from a policy before it becomes rules: for
 * each of DENY and ALLOW, and each action, the DDS topics, grouped by the partitions they apply
 * to (SROS 2 policies have no partitions: one group with none).
 */
final class EnclaveRules {

    /** Partition expressions; empty for "no partitions element". */
    private record Scope(List<String> partitions) { }

    private final Map<Rule.Kind, Map<Scope, Map<Action, TreeSet<String>>>> topics = new EnumMap<>(Rule.Kind.class);

    void add(Rule.Kind kind, Action action, String topic, List<String> partitions) {
        topics.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .computeIfAbsent(new Scope(List.copyOf(partitions)), s -> new EnumMap<>(Action.class))
                .computeIfAbsent(action, a -> new TreeSet<>())
                .add(topic);
    }

    EnclaveRules merge(EnclaveRules other) {
        EnclaveRules out = new EnclaveRules();
        for (EnclaveRules r : List.of(this, other)) {
            r.topics.forEach((kind, scopes) -> scopes.forEach((scope, actions) -> actions.forEach((action, names) ->
                    names.forEach(n -> out.add(kind, action, n, scope.partitions())))));
        }
        return out;
    }

    EnclaveRules withRosDiscoveryInfo() {
        EnclaveRules out = merge(new EnclaveRules());
        out.add(Rule.Kind.ALLOW, Action.PUBLISH, "ros_discovery_info", List.of());
        out.add(Rule.Kind.ALLOW, Action.SUBSCRIBE, "ros_discovery_info", List.of());
        return out;
    }

    /** Deny rules first, so that DENY wins under first-match; topics sorted and de-duplicated. */
    List<Rule> toRules(DomainIdSet domains) {
        List<Rule> rules = new ArrayList<>();
        int number = 0;
        for (Rule.Kind kind : List.of(Rule.Kind.DENY, Rule.Kind.ALLOW)) {
            Map<Scope, Map<Action, TreeSet<String>>> scopes = topics.get(kind);
            if (scopes == null) {
                continue;
            }
            for (Map.Entry<Scope, Map<Action, TreeSet<String>>> s : scopes.entrySet()) {
                List<Criteria> criteria = new ArrayList<>();
                for (Map.Entry<Action, TreeSet<String>> a : s.getValue().entrySet()) {
                    List<NamePattern> patterns = a.getValue().stream().map(NamePattern::compile).toList();
                    Optional<List<NamePattern>> partitions = s.getKey().partitions().isEmpty() ? Optional.empty()
                            : Optional.of(s.getKey().partitions().stream().map(NamePattern::compile).toList());
                    criteria.add(new Criteria(a.getKey(), -1, patterns, partitions, Optional.empty()));
                }
                rules.add(new Rule(kind, ++number, -1, domains, criteria));
            }
        }
        return rules;
    }
}
