package org.fleetdispatch.keystore.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleetdispatch.keystore.permissions.Doc.allow;
import static org.fleetdispatch.keystore.permissions.Doc.criteria;
import static org.fleetdispatch.keystore.permissions.Doc.deny;
import static org.fleetdispatch.keystore.permissions.Doc.grant;
import static org.fleetdispatch.keystore.permissions.Doc.id;
import static org.fleetdispatch.keystore.permissions.Doc.partitions;
import static org.fleetdispatch.keystore.permissions.Doc.parts;
import static org.fleetdispatch.keystore.permissions.Doc.tagList;
import static org.fleetdispatch.keystore.permissions.Doc.tags;
import static org.fleetdispatch.keystore.permissions.Doc.topics;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every clause of DDS-Security 9.4.1.3 as this library reads it. */
class GrantDecisionTest {

    private static Decision publish(Grant g, int domain, String topic, List<String> partitions) {
        return g.decide(domain, Action.PUBLISH, topic, partitions, List.of());
    }

    @Nested
    class Order {

        @Test
        void theFirstApplicableRuleDecides() {
            Grant denyFirst = grant("ALLOW",
                    deny(id(0), criteria("publish", topics("T"))),
                    allow(id(0), criteria("publish", topics("T"))));
            Decision d = publish(denyFirst, 0, "T", List.of());
            assertThat(d.allowed()).isFalse();
            assertThat(d.rule()).contains("deny_rule #1").contains("topic \"T\"");

            Grant allowFirst = grant("DENY",
                    allow(id(0), criteria("publish", topics("T"))),
                    deny(id(0), criteria("publish", topics("T"))));
            assertThat(publish(allowFirst, 0, "T", List.of()).rule()).contains("allow_rule #1");
            assertThat(publish(allowFirst, 0, "T", List.of()).allowed()).isTrue();
        }

        @Test
        void theDefaultDecidesWhenNoRuleApplies() {
            assertThat(publish(grant("DENY", allow(id(0), criteria("publish", topics("T")))), 0, "U", List.of()))
                    .satisfies(d -> {
                        assertThat(d.allowed()).isFalse();
                        assertThat(d.rule()).startsWith("<default>DENY</default> of grant \"g\"");
                    });
            assertThat(publish(grant("ALLOW", deny(id(0), criteria("publish", topics("T")))), 0, "U", List.of()).allowed()).isTrue();
        }

        @Test
        void aGrantWithoutApplicableRulesFallsToTheDefault() {
            Grant subscribeOnly = grant("DENY", allow(id(0), criteria("subscribe", topics("*"))));
            assertThat(publish(subscribeOnly, 0, "T", List.of()).allowed()).isFalse();
            assertThat(subscribeOnly.decide(0, Action.SUBSCRIBE, "T", List.of(), List.of()).allowed()).isTrue();
            assertThat(subscribeOnly.decide(0, Action.RELAY, "T", List.of(), List.of()).allowed()).isFalse();
        }

        @Test
        void relayCriteriaApplyToRelayOnly() {
            Grant relay = grant("DENY", allow(id(0), criteria("relay", topics("T"))));
            assertThat(relay.decide(0, Action.RELAY, "T", List.of(), List.of()).allowed()).isTrue();
            assertThat(publish(relay, 0, "T", List.of()).allowed()).isFalse();
        }
    }

    @Nested
    class Domains {

        private final Grant g = grant("DENY",
                allow("<id>3</id><id_range><min>10</min><max>20</max></id_range>", criteria("publish", topics("closed"))),
                allow("<id_range><min>100</min></id_range>", criteria("publish", topics("open"))),
                allow("<id_range><max>5</max></id_range>", criteria("publish", topics("low"))));

        @Test
        void singleIdsAndClosedRanges() {
            assertThat(publish(g, 3, "closed", List.of()).allowed()).isTrue();
            assertThat(publish(g, 4, "closed", List.of()).allowed()).isFalse();
            assertThat(publish(g, 10, "closed", List.of()).allowed()).isTrue();
            assertThat(publish(g, 20, "closed", List.of()).allowed()).isTrue();
            assertThat(publish(g, 21, "closed", List.of()).allowed()).isFalse();
        }

        @Test
        void openRangesRunToTheLastOrFromTheFirstDomain() {
            assertThat(publish(g, 100, "open", List.of()).allowed()).isTrue();
            assertThat(publish(g, 232, "open", List.of()).allowed()).isTrue();
            assertThat(publish(g, 99, "open", List.of()).allowed()).isFalse();
            assertThat(publish(g, 0, "low", List.of()).allowed()).isTrue();
            assertThat(publish(g, 5, "low", List.of()).allowed()).isTrue();
            assertThat(publish(g, 6, "low", List.of()).allowed()).isFalse();
        }
    }

    @Nested
    class Topics {

        @Test
        void fnmatchWithoutThePathFlag() {
            Grant g = grant("DENY", allow(id(0), criteria("publish", topics("rt/*", "Square", "Cir?le"))));
            assertThat(publish(g, 0, "rt/a/b/c", List.of()).allowed()).isTrue();
            assertThat(publish(g, 0, "Square", List.of()).allowed()).isTrue();
            assertThat(publish(g, 0, "Circle", List.of()).allowed()).isTrue();
            assertThat(publish(g, 0, "rq/a", List.of()).allowed()).isFalse();
            assertThat(publish(g, 0, "square", List.of()).allowed()).isFalse();
            assertThat(publish(g, 0, "rt/a/b/c", List.of()).rule()).contains("topic \"rt/*\"");
        }
    }

    @Nested
    class Partitions {

        private final Grant allowAB = grant("DENY", allow(id(0), criteria("publish", topics("T"), partitions("A", "B*"))));

        @Test
        void forAnAllowRuleEveryRequestedPartitionMustMatch() {
            assertThat(publish(allowAB, 0, "T", parts("A")).allowed()).isTrue();
            assertThat(publish(allowAB, 0, "T", parts("A", "Bx")).allowed()).isTrue();
            assertThat(publish(allowAB, 0, "T", parts("A", "C")).allowed()).isFalse();
            assertThat(publish(allowAB, 0, "T", parts("A", "C")).rule()).contains("<default>");
        }

        @Test
        void aRequestWithoutPartitionIsTheEmptyPartition() {
            assertThat(publish(allowAB, 0, "T", List.of()).allowed()).isFalse();
            Grant withEmpty = grant("DENY", allow(id(0), criteria("publish", topics("T"), partitions("", "A"))));
            assertThat(publish(withEmpty, 0, "T", List.of()).allowed()).isTrue();
            assertThat(publish(withEmpty, 0, "T", parts("")).allowed()).isTrue();
            Grant star = grant("DENY", allow(id(0), criteria("publish", topics("T"), partitions("*"))));
            assertThat(publish(star, 0, "T", List.of()).allowed()).isTrue();
        }

        @Test
        void criteriaWithoutPartitionsCoverOnlyTheEmptyPartition() {
            Grant none = grant("DENY", allow(id(0), criteria("publish", topics("T"))));
            assertThat(publish(none, 0, "T", List.of()).allowed()).isTrue();
            assertThat(publish(none, 0, "T", parts("A")).allowed()).isFalse();
        }

        @Test
        void forADenyRuleOneMatchingPartitionIsEnough() {
            Grant g = grant("ALLOW", deny(id(0), criteria("publish", topics("T"), partitions("A"))));
            assertThat(publish(g, 0, "T", parts("C", "A")).allowed()).isFalse();
            assertThat(publish(g, 0, "T", parts("C")).allowed()).isTrue();
            assertThat(publish(g, 0, "T", List.of()).allowed()).isTrue();
        }

        @Test
        void aDenyRuleWithoutPartitionsDeniesOnlyTheEmptyPartition() {
            Grant g = grant("ALLOW", deny(id(0), criteria("publish", topics("T"))));
            assertThat(publish(g, 0, "T", List.of()).allowed()).isFalse();
            assertThat(publish(g, 0, "T", parts("A")).allowed()).isTrue();
        }
    }

    @Nested
    class DataTags {

        @Test
        void forAnAllowRuleEveryRequestedTagMustBeListed() {
            Grant g = grant("DENY", allow(id(0), criteria("subscribe", topics("T"), tags("Title=Software", "Level=1"))));
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), List.of()).allowed()).isTrue();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("Title=Software")).allowed()).isTrue();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("Title=Software", "Level=1")).allowed()).isTrue();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("Title=Hardware")).allowed()).isFalse();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("Title=Software", "Other=x")).allowed()).isFalse();
        }

        @Test
        void anAllowRuleWithoutDataTagsAdmitsOnlyUntaggedRequests() {
            Grant g = grant("DENY", allow(id(0), criteria("subscribe", topics("T"))));
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), List.of()).allowed()).isTrue();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("Title=Software")).allowed()).isFalse();
        }

        @Test
        void forADenyRuleOneListedTagIsEnough() {
            Grant g = grant("ALLOW", deny(id(0), criteria("subscribe", topics("T"), tags("Secret=yes"))));
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("A=b", "Secret=yes")).allowed()).isFalse();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("A=b")).allowed()).isTrue();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), List.of()).allowed()).isTrue();
        }

        @Test
        void aDenyRuleWithoutDataTagsCannotBeEscapedByAddingATag() {
            Grant g = grant("ALLOW", deny(id(0), criteria("subscribe", topics("T"))));
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), tagList("Harmless=1")).allowed()).isFalse();
            assertThat(g.decide(0, Action.SUBSCRIBE, "T", List.of(), List.of()).allowed()).isFalse();
        }
    }

    @Nested
    class Join {

        @Test
        void anAllowRuleForTheDomainAllowsJoining() {
            Grant g = grant("DENY", allow(id(7), criteria("publish", topics("T"))));
            assertThat(g.decideJoin(7).allowed()).isTrue();
            assertThat(g.decideJoin(7).rule()).contains("allow_rule #1").contains("domains {7}");
            assertThat(g.decideJoin(8).allowed()).isFalse();
            assertThat(g.decide(7, Action.JOIN, null, List.of(), List.of()).allowed()).isTrue();
        }

        @Test
        void aDenyRuleWithoutCriteriaDeniesJoiningButOneWithCriteriaOnlyRestrictsTopics() {
            Grant bare = grant("ALLOW", deny(id(1)), allow(id(1), criteria("publish", topics("T"))));
            assertThat(bare.decideJoin(1).allowed()).isFalse();
            assertThat(bare.decideJoin(1).rule()).contains("deny_rule #1");
            Grant restricting = grant("DENY", deny(id(1), criteria("publish", topics("T"))), allow(id(1), criteria("subscribe", topics("*"))));
            assertThat(restricting.decideJoin(1).allowed()).isTrue();
            assertThat(restricting.decideJoin(1).rule()).contains("allow_rule #2");
        }

        @Test
        void withoutAnyRuleForTheDomainTheDefaultDecides() {
            assertThat(grant("ALLOW", deny(id(1), criteria("publish", topics("T")))).decideJoin(2).allowed()).isTrue();
            assertThat(grant("ALLOW", deny(id(1), criteria("publish", topics("T")))).decideJoin(1).allowed()).isTrue();
            assertThat(grant("DENY", deny(id(1), criteria("publish", topics("T")))).decideJoin(1).allowed()).isFalse();
        }
    }

    @Test
    void theDecidingRuleIsNamedWithItsLine() {
        Decision d = publish(grant("DENY", allow(id(0), criteria("publish", topics("T"), partitions("A")))), 0, "T", parts("A"));
        assertThat(d.rule()).isEqualTo("allow_rule #1 of grant \"g\" (line 4): publish topic \"T\" partitions [A]");
        assertThat(d.verdict()).isEqualTo("ALLOW");
    }
}
