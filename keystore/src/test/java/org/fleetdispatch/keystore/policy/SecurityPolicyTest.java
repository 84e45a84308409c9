package org.fleetdispatch.keystore.policy;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.Criteria;
import org.fleetdispatch.keystore.permissions.Grant;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.permissions.PermissionsWriter;
import org.fleetdispatch.keystore.permissions.Rule;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.pki.Validity;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecurityPolicyTest {

    /** The validity SROS 2's XSL writes when it has no certificate, as in its golden files. */
    private static final Validity GOLDEN_VALIDITY = new Validity(Instant.parse("2020-05-01T00:00:00Z"), Instant.parse("2030-05-01T00:00:00Z"));

    @TempDir
    Path dir;

    /**
     * A grant's meaning: per rule in order, kind and the set of topic expressions per action.
     * SROS 2's XSL sorts within each policy group, so its goldens are compared semantically.
     */
    private static List<String> meaning(Grant g) {
        List<String> out = new ArrayList<>();
        out.add(g.name() + " | " + g.subject().canonical() + " | " + g.validity() + " | default " + (g.defaultAllows() ? "ALLOW" : "DENY"));
        for (Rule r : g.rules()) {
            Map<Action, TreeSet<String>> topics = new TreeMap<>();
            for (Criteria c : r.criteria()) {
                TreeSet<String> set = topics.computeIfAbsent(c.action(), a -> new TreeSet<>());
                c.topics().forEach(t -> set.add(t.expression()));
                c.partitions().ifPresent(ps -> ps.forEach(p -> set.add("partition:" + p.expression())));
            }
            out.add(r.kind() + " " + r.domains() + " " + topics);
        }
        return out;
    }

    private static List<List<String>> meanings(List<Grant> grants) {
        return grants.stream().map(SecurityPolicyTest::meaning).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"talker_listener", "add_two_ints", "minimal_action", "sample"})
    void translatesSros2TestPoliciesExactlyAsItsGoldenFiles(String name) {
        SecurityPolicy policy = SecurityPolicy.load(Vectors.path("sros2/test_policies/" + name + ".policy.xml"));
        List<Grant> ours = policy.grants(DomainIdSet.of(0), GOLDEN_VALIDITY);
        Permissions golden = Permissions.parse(Vectors.bytes("sros2/test_policies/permissions/" + name + "/permissions.xml"), name);
        assertThat(meanings(ours)).isEqualTo(meanings(golden.grants()));
    }

    @Test
    void writtenPermissionsOfAGoldenPolicyAreSchemaValid() {
        SecurityPolicy policy = SecurityPolicy.load(Vectors.path("sros2/test_policies/sample.policy.xml"));
        String xml = PermissionsWriter.write(policy.grants(DomainIdSet.of(0), GOLDEN_VALIDITY));
        assertThat(Permissions.parse(xml.getBytes(UTF_8), "written").grants()).hasSize(7);
    }

    @Test
    void theBuiltInAllowAllPolicyIsSros2sDefaultPolicy() {
        SecurityPolicy sros2Default = SecurityPolicy.load(Vectors.path("sros2/defaults/policy.xml"));
        assertThat(sros2Default.enclavePaths()).containsExactly("/");
        assertThat(meaning(SecurityPolicy.allowAll("/").grant("/", DomainIdSet.of(0), GOLDEN_VALIDITY).orElseThrow()))
                .isEqualTo(meaning(sros2Default.grant("/", DomainIdSet.of(0), GOLDEN_VALIDITY).orElseThrow()));
        Grant g = SecurityPolicy.allowAll("/robots/x").grant("/robots/x", DomainIdSet.of(3), GOLDEN_VALIDITY).orElseThrow();
        assertThat(g.subject()).isEqualTo(DistinguishedName.parse("CN=/robots/x"));
        assertThat(g.decide(3, Action.PUBLISH, "rt/a/b", List.of(), List.of()).allowed()).isTrue();
        assertThat(g.decide(3, Action.SUBSCRIBE, "rq/srv/_action/send_goalRequest", List.of(), List.of()).allowed()).isTrue();
        assertThat(g.decide(4, Action.PUBLISH, "rt/a", List.of(), List.of()).allowed()).isFalse();
    }

    @Test
    void resolvesNamesAgainstTheProfile() {
        assertThat(RosPolicy.resolve("/abs", "/ns", "node")).isEqualTo("/abs");
        assertThat(RosPolicy.resolve("rel", "/ns", "node")).isEqualTo("/ns/rel");
        assertThat(RosPolicy.resolve("rel", "/ns/", "node")).isEqualTo("/ns/rel");
        assertThat(RosPolicy.resolve("rel", "/", "node")).isEqualTo("/rel");
        assertThat(RosPolicy.resolve("~/get_parameters", "/", "talker")).isEqualTo("/talker/get_parameters");
        assertThat(RosPolicy.resolve("~/x", "/ns", "n")).isEqualTo("/ns/n/x");
    }

    @Test
    void denyComesFirstSoThatDenyWinsAndProfilesMergeIntoOneGrant() throws Exception {
        Path p = dir.resolve("p.xml");
        Files.writeString(p, """
                <policy version="0.2.0"><enclaves><enclave path="/e">
                  <profiles><profile ns="/" node="n">
                    <topics publish="ALLOW" subscribe="ALLOW"><topic>*</topic></topics>
                    <services request="DENY"><service>/admin</service></services>
                  </profile></profiles>
                  <profiles><profile ns="/other" node="m">
                    <topics publish="DENY"><topic>secret</topic></topics>
                  </profile></profiles>
                </enclave></enclaves></policy>
                """);
        Grant g = SecurityPolicy.load(p).grant("/e", DomainIdSet.of(0), GOLDEN_VALIDITY).orElseThrow();
        assertThat(g.rules()).extracting(Rule::kind).containsExactly(Rule.Kind.DENY, Rule.Kind.ALLOW);
        assertThat(g.decide(0, Action.PUBLISH, "rt/other/secret", List.of(), List.of()).allowed()).isFalse();
        assertThat(g.decide(0, Action.PUBLISH, "rq/adminRequest", List.of(), List.of()).allowed()).isFalse();
        assertThat(g.decide(0, Action.SUBSCRIBE, "rr/adminReply", List.of(), List.of()).allowed()).isFalse();
        assertThat(g.decide(0, Action.PUBLISH, "rt/anything", List.of(), List.of()).allowed()).isTrue();
        assertThat(g.decide(0, Action.PUBLISH, "rt/whatever", List.of(), List.of()).rule()).contains("allow_rule #2");
    }

    @Test
    void rosDiscoveryInfoCanBeAllowedAsSros2DoesForDdsRmws() {
        Grant g = SecurityPolicy.load(Vectors.path("sros2/test_policies/talker_listener.policy.xml")).withRosDiscoveryInfo()
                .grant("/talker_listener/talker", DomainIdSet.of(0), GOLDEN_VALIDITY).orElseThrow();
        assertThat(g.decide(0, Action.SUBSCRIBE, "ros_discovery_info", List.of(), List.of()).allowed()).isTrue();
    }

    @Nested
    class FleetDispatchForm {

        private Path write(String body) throws Exception {
            Path p = dir.resolve("fleet.xml");
            Files.writeString(p, "<fleetdispatch_policy version=\"1.0\"><enclaves>" + body + "</enclaves></fleetdispatch_policy>");
            return p;
        }

        @Test
        void robotsBecomePartitionsAndDenyComesFirst() throws Exception {
            SecurityPolicy policy = SecurityPolicy.load(write("""
                    <enclave path="/fleetdispatch/server">
                      <allow publish="order instantActions" subscribe="state connection factsheet visualization">
                        <robot>*/*</robot>
                      </allow>
                    </enclave>
                    <enclave path="/clients/dashboard">
                      <allow subscribe="missions robots"><robot>acme/*</robot></allow>
                      <deny subscribe="missions"><robot>acme/secret*</robot></deny>
                      <allow subscribe="robots"/>
                    </enclave>
                    """));
            assertThat(policy.enclavePaths()).containsExactly("/fleetdispatch/server", "/clients/dashboard");
            Grant server = policy.grant("/fleetdispatch/server", DomainIdSet.of(0), GOLDEN_VALIDITY).orElseThrow();
            assertThat(server.decide(0, Action.PUBLISH, "order", List.of("acme/agv1"), List.of()).allowed()).isTrue();
            assertThat(server.decide(0, Action.PUBLISH, "state", List.of("acme/agv1"), List.of()).allowed()).isFalse();
            assertThat(server.decide(0, Action.SUBSCRIBE, "state", List.of("acme/agv1", "other/x"), List.of()).allowed()).isTrue();
            assertThat(server.decide(0, Action.PUBLISH, "order", List.of(), List.of()).allowed()).isFalse();

            Grant dashboard = policy.grant("/clients/dashboard", DomainIdSet.of(0), GOLDEN_VALIDITY).orElseThrow();
            assertThat(dashboard.rules().get(0).kind()).isEqualTo(Rule.Kind.DENY);
            assertThat(dashboard.decide(0, Action.SUBSCRIBE, "missions", List.of("acme/agv1"), List.of()).allowed()).isTrue();
            assertThat(dashboard.decide(0, Action.SUBSCRIBE, "missions", List.of("acme/agv1", "acme/secret7"), List.of()).allowed()).isFalse();
            assertThat(dashboard.decide(0, Action.SUBSCRIBE, "missions", List.of("other/agv1"), List.of()).allowed()).isFalse();
            assertThat(dashboard.decide(0, Action.PUBLISH, "missions", List.of("acme/agv1"), List.of()).allowed()).isFalse();
            // A rule without <robot> covers requests about no particular robot.
            assertThat(dashboard.decide(0, Action.SUBSCRIBE, "robots", List.of(), List.of()).allowed()).isTrue();
        }

        @Test
        void refusesUnknownTopicsRobotPatternsWithoutSlashAndEmptyRules() throws Exception {
            assertThatThrownBy(() -> SecurityPolicy.load(write("<enclave path=\"/a\"><allow publish=\"orders\"/></enclave>")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("orders");
            assertThatThrownBy(() -> SecurityPolicy.load(write("<enclave path=\"/a\"><allow publish=\"order\"><robot>agv1</robot></allow></enclave>")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("agv1").hasMessageContaining("robot");
            assertThatThrownBy(() -> SecurityPolicy.load(write("<enclave path=\"/a\"><deny><robot>a/b</robot></deny></enclave>")))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.element()).endsWith("/enclave/deny"))
                    .hasMessageContaining("publish or subscribe");
        }
    }

    @Test
    void refusesWhatIsNotAPolicy() throws Exception {
        Path p = dir.resolve("x.xml");
        Files.writeString(p, "<dds/>");
        assertThatThrownBy(() -> SecurityPolicy.load(p)).isInstanceOf(DocumentException.class).hasMessageContaining("not a policy");
        Files.writeString(p, "<policy version=\"0.1.0\"><enclaves><enclave path=\"/e\"><profiles><profile ns=\"/\" node=\"n\"/></profiles></enclave></enclaves></policy>");
        assertThatThrownBy(() -> SecurityPolicy.load(p)).isInstanceOf(DocumentException.class).hasMessageContaining("0.1.0");
        Files.writeString(p, "<policy version=\"0.2.0\"><enclaves><enclave path=\"/e\"><profiles><profile ns=\"/\" node=\"n\">"
                + "<topics publish=\"PERHAPS\"><topic>x</topic></topics></profile></profiles></enclave></enclaves></policy>");
        assertThatThrownBy(() -> SecurityPolicy.load(p)).isInstanceOf(DocumentException.class).hasMessageContaining("PERHAPS");
    }
}
