package org.fleetdispatch.keystore.governance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.smime.SmimeVerifier;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GovernanceTest {

    static Governance parseVector(String path) {
        return Governance.parse(Vectors.bytes(path), path);
    }

    /** A governance document with one domain_rule whose domains and topic rules are given as XML. */
    static String governance(String domains, String topicRules) {
        return "<dds><domain_access_rules><domain_rule>\n<domains>" + domains + "</domains>\n"
                + "<allow_unauthenticated_participants>false</allow_unauthenticated_participants>\n"
                + "<enable_join_access_control>true</enable_join_access_control>\n"
                + "<discovery_protection_kind>ENCRYPT</discovery_protection_kind>\n"
                + "<liveliness_protection_kind>SIGN</liveliness_protection_kind>\n"
                + "<rtps_protection_kind>NONE</rtps_protection_kind>\n"
                + "<topic_access_rules>" + topicRules + "</topic_access_rules>\n"
                + "</domain_rule></domain_access_rules></dds>\n";
    }

    static String topicRule(String expression, String read, String write) {
        return "<topic_rule>\n<topic_expression>" + expression + "</topic_expression>\n"
                + "<enable_discovery_protection>true</enable_discovery_protection>\n"
                + "<enable_liveliness_protection>false</enable_liveliness_protection>\n"
                + "<enable_read_access_control>" + read + "</enable_read_access_control>\n"
                + "<enable_write_access_control>" + write + "</enable_write_access_control>\n"
                + "<metadata_protection_kind>SIGN_WITH_ORIGIN_AUTHENTICATION</metadata_protection_kind>\n"
                + "<data_protection_kind>ENCRYPT</data_protection_kind>\n</topic_rule>\n";
    }

    static Governance parse(String xml) {
        return Governance.parse(xml.getBytes(UTF_8), "g.xml");
    }

    @Nested
    class Model {

        @Test
        void readsEveryElementOfADomainAndTopicRule() {
            Governance g = parseVector("fastdds/governance_helloworld_all_enable_dds_sec.xml");
            DomainRule d = g.domainRules().get(0);
            assertThat(d.allowUnauthenticatedParticipants()).isFalse();
            assertThat(d.enableJoinAccessControl()).isTrue();
            assertThat(d.discoveryProtectionKind()).isEqualTo(ProtectionKind.ENCRYPT);
            assertThat(d.livelinessProtectionKind()).isEqualTo(ProtectionKind.ENCRYPT);
            assertThat(d.rtpsProtectionKind()).isEqualTo(ProtectionKind.ENCRYPT);
            TopicRule t = d.topicRules().get(0);
            assertThat(t.topicExpression().expression()).isEqualTo("HelloWorldTopic_*");
            assertThat(t.enableReadAccessControl()).isTrue();
            assertThat(t.enableWriteAccessControl()).isTrue();
            assertThat(t.dataProtectionKind().encrypts()).isTrue();
        }

        @Test
        void readsTheSros2DefaultGovernance() {
            Governance g = parseVector("sros2/defaults/dds/governance.xml");
            assertThat(g.domainRule(0)).hasValueSatisfying(d -> {
                assertThat(d.rtpsProtectionKind()).isEqualTo(ProtectionKind.SIGN);
                assertThat(d.topicRule("rt/anything")).hasValueSatisfying(t -> assertThat(t.metadataProtectionKind()).isEqualTo(ProtectionKind.ENCRYPT));
            });
            assertThat(g.domainRule(1)).isEmpty();
        }

        @Test
        void acceptsTheSignedVectorsContent() {
            var verified = new SmimeVerifier(Vectors.cert("fastdds/maincacert.pem"))
                    .verify(Vectors.bytes("fastdds/governance_only_auth.smime"), "only_auth", Vectors.DAY);
            Governance g = Governance.parse(verified.content(), "governance_only_auth.smime");
            assertThat(g.domainRule(5).orElseThrow().enableJoinAccessControl()).isFalse();
            assertThat(g.domainRule(5).orElseThrow().allowUnauthenticatedParticipants()).isTrue();
        }

        @Test
        void allProtectionKindsAndNumericBooleans() {
            Governance g = parse(governance("<id>0</id>", topicRule("a", "1", "0")));
            TopicRule t = g.domainRule(0).orElseThrow().topicRules().get(0);
            assertThat(t.enableReadAccessControl()).isTrue();
            assertThat(t.enableWriteAccessControl()).isFalse();
            assertThat(t.metadataProtectionKind()).isEqualTo(ProtectionKind.SIGN_WITH_ORIGIN_AUTHENTICATION);
            assertThat(t.metadataProtectionKind().encrypts()).isFalse();
            assertThat(t.metadataProtectionKind().protects()).isTrue();
            assertThat(g.domainRule(0).orElseThrow().rtpsProtectionKind().protects()).isFalse();
        }
    }

    @Nested
    class Lookups {

        @Test
        void firstTopicRuleWhoseExpressionMatchesApplies() {
            DomainRule d = parseVector("fastdds/governance_rule_order_test_dds_sec.xml").domainRule(0).orElseThrow();
            assertThat(d.topicRule("HelloWorldTopic_x")).hasValueSatisfying(t -> {
                assertThat(t.number()).isEqualTo(1);
                assertThat(t.enableWriteAccessControl()).isFalse();
            });
            assertThat(d.topicRule("Other")).hasValueSatisfying(t -> assertThat(t.enableWriteAccessControl()).isTrue());
        }

        @Test
        void aRuleBehindACatchAllIsUnreachable() {
            DomainRule d = parseVector("fastdds/governance_rule_order_test_inverse_dds_sec.xml").domainRule(0).orElseThrow();
            assertThat(d.topicRule("HelloWorldTopic_x")).hasValueSatisfying(t -> {
                assertThat(t.number()).isEqualTo(1);
                assertThat(t.enableWriteAccessControl()).isTrue();
            });
        }

        @Test
        void firstDomainRuleContainingTheDomainApplies() {
            String two = "<dds><domain_access_rules>"
                    + governance("<id_range><min>10</min></id_range>", topicRule("*", "true", "true")).replaceAll("(?s)^<dds><domain_access_rules>|</domain_access_rules></dds>\n$", "")
                    + governance("<id>12</id><id_range><max>5</max></id_range>", topicRule("*", "false", "false")).replaceAll("(?s)^<dds><domain_access_rules>|</domain_access_rules></dds>\n$", "")
                    + "</domain_access_rules></dds>";
            Governance g = parse(two);
            assertThat(g.domainRule(12).orElseThrow().number()).isEqualTo(1);
            assertThat(g.domainRule(232).orElseThrow().number()).isEqualTo(1);
            assertThat(g.domainRule(0).orElseThrow().number()).isEqualTo(2);
            assertThat(g.domainRule(5).orElseThrow().number()).isEqualTo(2);
            assertThat(g.domainRule(6)).isEmpty();
            assertThat(g.domainRule(9)).isEmpty();
        }

        @Test
        void noTopicRuleMatches() {
            DomainRule d = parse(governance("<id>0</id>", topicRule("Square", "true", "true"))).domainRule(0).orElseThrow();
            assertThat(d.topicRule("Circle")).isEmpty();
            assertThat(d.topicRule("Square")).isPresent();
        }
    }

    @Nested
    class Rejections {

        @Test
        void cycloneUpperCaseBooleansAreNotXsdBooleans() {
            assertThatThrownBy(() -> parseVector("cyclonedds/validate_local_permissions/Test_Governance_full.xml"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> {
                        assertThat(e.element()).isEqualTo("/dds/domain_access_rules/domain_rule/enable_join_access_control");
                        assertThat(e.line()).isPositive();
                    })
                    .hasMessageContaining("TRUE");
        }

        @Test
        void elementsOutOfSchemaOrderAreRefusedNamingThem() {
            var doc = new SmimeVerifier(Vectors.cert("cyclonedds/validate_local_permissions/Test_Permissions_ca.pem"))
                    .verify(Vectors.bytes("cyclonedds/validate_local_permissions/Test_Governance_ok.p7s"), "ok.p7s", Vectors.DAY);
            assertThatThrownBy(() -> Governance.parse(doc.content(), "Test_Governance_ok.p7s"))
                    .isInstanceOf(DocumentException.class)
                    .hasMessageContaining("enable_liveliness_protection");
        }

        @Test
        void emptyTopicExpression() {
            assertThatThrownBy(() -> parseVector("fastdds/governance_blank_topic_expression.xml"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.element())
                            .isEqualTo("/dds/domain_access_rules/domain_rule/topic_access_rules/topic_rule/topic_expression"))
                    .hasMessageContaining("empty topic expression");
        }

        @Test
        void badBooleansAndProtectionKinds() {
            assertThatThrownBy(() -> parse(governance("<id>0</id>", topicRule("a", "yes", "true"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("yes")
                    .hasMessageContaining("enable_read_access_control");
            assertThatThrownBy(() -> parse(governance("<id>0</id>", topicRule("a", "true", "true"))
                    .replace("<data_protection_kind>ENCRYPT", "<data_protection_kind>SIGN_WITH_ORIGIN_AUTHENTICATION")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("data_protection_kind");
        }

        @Test
        void badDomainIds() {
            assertThatThrownBy(() -> parse(governance("<id>233</id>", topicRule("a", "true", "true"))))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.offendingValue()).isEqualTo("233"))
                    .hasMessageContaining("/dds/domain_access_rules/domain_rule/domains/id")
                    .hasMessageContaining("outside 0..232");
            assertThatThrownBy(() -> parse(governance("<id>-1</id>", topicRule("a", "true", "true"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("-1");
            assertThatThrownBy(() -> parse(governance("<id>zero</id>", topicRule("a", "true", "true"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("zero");
            assertThatThrownBy(() -> parse(governance("<id_range><min>9</min><max>3</max></id_range>", topicRule("a", "true", "true"))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("id_range").hasMessageContaining("min (9) is greater than max (3)");
        }

        @Test
        void unknownElements() {
            assertThatThrownBy(() -> parse(governance("<id>0</id>", topicRule("a", "true", "true")).replace("<topic_access_rules>", "<ufo/><topic_access_rules>")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("ufo");
        }

        @Test
        void aPermissionsDocumentIsNotGovernance() {
            assertThatThrownBy(() -> parseVector("fastdds/permissions_helloworld_dds_sec.xml"))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("permissions");
        }
    }
}
