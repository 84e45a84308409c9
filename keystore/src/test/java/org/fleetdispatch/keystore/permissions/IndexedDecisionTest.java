package org.fleetdispatch.keystore.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.dds.NamePattern;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.pki.Validity;
import org.junit.jupiter.api.Test;

/**
 * The grant's topic index must never change a decision: on random grants and requests, decisions
 * equal those of a plain walk over every rule written from the specification's wording.
 */
class IndexedDecisionTest {

    private static final String[] PIECES = {"rt/", "rq/", "fleet/", "robot", "a", "b", "/", "x", "*", "?", "[ab]", "[!a]", "state", ""};
    private static final String[] NAMES = {"rt/a", "rt/ab/x", "rq/b", "fleet/robot1/state", "fleet/a/b", "ab", "a", "", "x/rt/a", "robotstate", "[ab]"};

    private static Decision reference(Grant g, int domain, Action action, String topic, List<String> parts, List<DataTag> tags) {
        for (Rule rule : g.rules()) {
            if (!rule.domains().contains(domain)) {
                continue;
            }
            for (Criteria c : rule.criteria(action)) {
                if (c.matchingTopic(topic).isPresent() && c.partitionsMatch(parts, rule.allows()) && c.dataTagsMatch(tags, rule.allows())) {
                    return new Decision(rule.allows(), "rule " + rule.number());
                }
            }
        }
        return new Decision(g.defaultAllows(), "default");
    }

    private static String pattern(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(PIECES[r.nextInt(PIECES.length)]);
        }
        return sb.length() == 0 ? "x" : sb.toString();
    }

    private static Grant randomGrant(Random r) {
        List<Rule> rules = new ArrayList<>();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            List<Criteria> criteria = new ArrayList<>();
            for (Action a : List.of(Action.PUBLISH, Action.SUBSCRIBE, Action.RELAY)) {
                int k = r.nextInt(3);
                for (int j = 0; j < k; j++) {
                    List<NamePattern> topics = new ArrayList<>();
                    for (int t = 0, m = 1 + r.nextInt(3); t < m; t++) {
                        topics.add(NamePattern.compile(pattern(r)));
                    }
                    Optional<List<NamePattern>> parts = r.nextBoolean() ? Optional.empty()
                            : Optional.of(List.of(NamePattern.compile(r.nextBoolean() ? "p*" : "q")));
                    Optional<List<DataTag>> tags = r.nextInt(4) == 0 ? Optional.of(List.of(new DataTag("t", "v"))) : Optional.empty();
                    criteria.add(new Criteria(a, -1, topics, parts, tags));
                }
            }
            DomainIdSet domains = new DomainIdSet(List.of(new DomainIdSet.Range(r.nextInt(3), 2 + r.nextInt(3))));
            rules.add(new Rule(r.nextBoolean() ? Rule.Kind.ALLOW : Rule.Kind.DENY, i + 1, -1, domains, criteria));
        }
        return new Grant("g", -1, DistinguishedName.parse("CN=g"),
                new Validity(Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")), rules, r.nextBoolean());
    }

    @Test
    void indexedDecisionsEqualAWalkOverEveryRule() {
        Random r = new Random(20261122);
        int compared = 0;
        for (int g = 0; g < 300; g++) {
            Grant grant = randomGrant(r);
            for (int q = 0; q < 60; q++) {
                Action action = List.of(Action.PUBLISH, Action.SUBSCRIBE, Action.RELAY).get(r.nextInt(3));
                String topic = r.nextInt(3) == 0 ? pattern(r).replace("*", "x").replace("?", "y") : NAMES[r.nextInt(NAMES.length)];
                List<String> parts = switch (r.nextInt(3)) {
                    case 0 -> List.of();
                    case 1 -> List.of("p1");
                    default -> List.of("p1", "q");
                };
                List<DataTag> tags = r.nextInt(4) == 0 ? List.of(new DataTag("t", "v")) : List.of();
                int domain = r.nextInt(6);
                Decision expected = reference(grant, domain, action, topic, parts, tags);
                Decision actual = grant.decide(domain, action, topic, parts, tags);
                assertThat(actual.allowed()).as("grant %d query %d: %s %s %s", g, q, action, topic, parts).isEqualTo(expected.allowed());
                if (expected.rule().startsWith("rule ")) {
                    assertThat(actual.rule()).contains(expected.rule().replace("rule ", "#") + " of grant");
                } else {
                    assertThat(actual.rule()).startsWith("<default>");
                }
                compared++;
            }
        }
        assertThat(compared).isEqualTo(18_000);
    }
}
