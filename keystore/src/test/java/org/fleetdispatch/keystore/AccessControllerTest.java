package org.fleetdispatch.keystore;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.error.GrantException;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.DataTag;
import org.fleetdispatch.keystore.permissions.Decision;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessControllerTest {

    private static final Instant AT = Vectors.DAY;
    private static final String PUBLISHER = "emailAddress=mainpub@eprosima.com,CN=Main Publisher,OU=eProsima,O=eProsima,ST=MA,C=ES";
    private static final String SUBSCRIBER = "C=ES,ST=MA,O=eProsima,OU=eProsima,CN=Main Subscriber,emailAddress=mainsub@eprosima.com";

    private static Governance governance(String xml) {
        return Governance.parse(Vectors.bytes("fastdds/" + xml), xml);
    }

    private static Permissions helloworld() {
        return Permissions.parse(Vectors.bytes("fastdds/permissions_helloworld_dds_sec.xml"), "permissions_helloworld");
    }

    private static Decision decide(AccessController ac, String subject, int domain, Action action, String topic) {
        return ac.decide(subject, domain, action, topic, List.of(), List.of(), AT);
    }

    @Nested
    class WithGovernance {

        private final AccessController ac = new AccessController(governance("governance_helloworld_all_enable_dds_sec.xml"), helloworld());

        @Test
        void accessControlledTopicsAreDecidedByTheGrant() {
            assertThat(decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1").allowed()).isTrue();
            assertThat(decide(ac, PUBLISHER, 0, Action.SUBSCRIBE, "HelloWorldTopic_1").allowed()).isFalse();
            assertThat(decide(ac, SUBSCRIBER, 0, Action.SUBSCRIBE, "HelloWorldTopic_1").allowed()).isTrue();
            assertThat(decide(ac, SUBSCRIBER, 0, Action.JOIN, null).allowed()).isTrue();
        }

        @Test
        void aDomainWithoutDomainRuleOrATopicWithoutTopicRuleIsDenied() {
            Decision noDomain = decide(ac, PUBLISHER, 231, Action.PUBLISH, "HelloWorldTopic_1");
            assertThat(noDomain.allowed()).isFalse();
            assertThat(noDomain.rule()).contains("no domain_rule covers domain 231");
            Decision noTopic = decide(ac, PUBLISHER, 0, Action.PUBLISH, "Other");
            assertThat(noTopic.allowed()).isFalse();
            assertThat(noTopic.rule()).contains("no topic_rule matches topic \"Other\"");
        }

        @Test
        void aTopicRuleThatDisablesAccessControlAllowsWithoutAskingTheGrant() {
            AccessController order = new AccessController(governance("governance_rule_order_test_dds_sec.xml"), helloworld());
            Decision d = decide(order, PUBLISHER, 0, Action.SUBSCRIBE, "HelloWorldTopic_1");
            assertThat(d.allowed()).isTrue();
            assertThat(d.rule()).contains("topic_rule #1 \"HelloWorldTopic_*\"").contains("enable_read_access_control=false");
            assertThat(decide(order, PUBLISHER, 0, Action.SUBSCRIBE, "Other").allowed()).isFalse();
            // The inverse order puts "*" first: the grant decides.
            AccessController inverse = new AccessController(governance("governance_rule_order_test_inverse_dds_sec.xml"), helloworld());
            assertThat(decide(inverse, PUBLISHER, 0, Action.SUBSCRIBE, "HelloWorldTopic_1").allowed()).isFalse();
        }

        @Test
        void joinAccessControlComesFirst() {
            Permissions noDomain7 = Permissions.parse(("<dds><permissions><grant name=\"x\"><subject_name>CN=x</subject_name>"
                    + "<validity><not_before>2020-01-01T00:00:00</not_before><not_after>2040-01-01T00:00:00</not_after></validity>"
                    + "<allow_rule><domains><id>0</id></domains><publish><topics><topic>*</topic></topics></publish></allow_rule>"
                    + "<default>ALLOW</default></grant></permissions></dds>").getBytes(UTF_8), "p");
            Decision d = decide(new AccessController(governance("governance_helloworld_all_enable_dds_sec.xml"), noDomain7),
                    "CN=x", 7, Action.PUBLISH, "HelloWorldTopic_1");
            // The default ALLOW admits domain 7, so joining is fine and the topic is allowed by default.
            assertThat(d.allowed()).isTrue();
            Permissions denyJoin = Permissions.parse(("<dds><permissions><grant name=\"x\"><subject_name>CN=x</subject_name>"
                    + "<validity><not_before>2020-01-01T00:00:00</not_before><not_after>2040-01-01T00:00:00</not_after></validity>"
                    + "<deny_rule><domains><id>7</id></domains></deny_rule>"
                    + "<allow_rule><domains><id>7</id></domains><publish><topics><topic>*</topic></topics></publish></allow_rule>"
                    + "<default>ALLOW</default></grant></permissions></dds>").getBytes(UTF_8), "p");
            AccessController joinControlled = new AccessController(governance("governance_helloworld_all_enable_dds_sec.xml"), denyJoin);
            Decision denied = decide(joinControlled, "CN=x", 7, Action.PUBLISH, "HelloWorldTopic_1");
            assertThat(denied.allowed()).isFalse();
            assertThat(denied.rule()).startsWith("joining domain 7 is denied by deny_rule #1");
            assertThat(decide(joinControlled, "CN=x", 7, Action.JOIN, null).allowed()).isFalse();
            // Without join access control the same grant may join.
            AccessController onlyAuth = new AccessController(governance("governance_only_auth.xml"), denyJoin);
            assertThat(decide(onlyAuth, "CN=x", 7, Action.JOIN, null).rule()).contains("enable_join_access_control=false");
            assertThat(decide(onlyAuth, "CN=x", 7, Action.PUBLISH, "anything").allowed()).isTrue();
        }

        @Test
        void unauthenticatedRequestersOnlyWhereGovernanceAdmitsThemAndTheTopicIsUncontrolled() {
            AccessController open = new AccessController(governance("governance_allow_unauth_all_disabled_access_none.xml"), helloworld());
            assertThat(decide(open, null, 0, Action.JOIN, null).allowed()).isTrue();
            assertThat(decide(open, null, 0, Action.SUBSCRIBE, "HelloWorldTopic_1").allowed()).isTrue();
            Decision secure = decide(open, null, 0, Action.SUBSCRIBE, "SecureHelloWorldTopic_1");
            assertThat(secure.allowed()).isFalse();
            assertThat(secure.rule()).contains("enable_read_access_control=true").contains("not authenticated");
            assertThat(decide(open, null, 0, Action.PUBLISH, "Unknown").allowed()).isFalse();
            assertThat(decide(ac, null, 0, Action.JOIN, null).allowed()).isFalse();
            assertThat(decide(new AccessController(null, helloworld()), null, 0, Action.JOIN, null).allowed()).isFalse();
        }
    }

    @Nested
    class Grants {

        private final AccessController ac = new AccessController(null, helloworld());

        @Test
        void theSubjectMayBeWrittenAnyWay() {
            assertThat(decide(ac, "C=ES, S=MA, O=eProsima, OU=eProsima, CN=Main Publisher, E=mainpub@eprosima.com", 0, Action.PUBLISH, "HelloWorldTopic_9")
                    .allowed()).isTrue();
        }

        @Test
        void noGrantOrAGrantNotValidThenIsAnErrorNotADeny() {
            assertThatThrownBy(() -> decide(ac, "CN=Stranger", 0, Action.PUBLISH, "HelloWorldTopic_1"))
                    .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.reason()).isEqualTo(GrantException.Reason.NO_GRANT));
            assertThat(decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1").allowed()).isTrue();
            // Validity is checked on every call, cached decision or not.
            assertThatThrownBy(() -> ac.decide(PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1", List.of(), List.of(), Instant.parse("2040-01-01T00:00:00Z")))
                    .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.reason()).isEqualTo(GrantException.Reason.EXPIRED));
        }

        @Test
        void aSubjectThatIsNotADistinguishedNameIsInvalidInput() {
            assertThatThrownBy(() -> decide(ac, "nonsense", 0, Action.PUBLISH, "x")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Caching {

        @Test
        void aRepeatedQuestionIsAnsweredFromTheCache() {
            AccessController ac = new AccessController(governance("governance_helloworld_all_enable_dds_sec.xml"), helloworld());
            Decision first = decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1");
            assertThat(ac.cachedDecisions()).isEqualTo(1);
            assertThat(decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1")).isSameAs(first);
            assertThat(ac.cachedDecisions()).isEqualTo(1);
            ac.decide(PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1", List.of("p"), List.of(), AT);
            ac.decide(PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1", List.of(), List.of(new DataTag("a", "b")), AT);
            decide(ac, PUBLISHER, 1, Action.PUBLISH, "HelloWorldTopic_1");
            decide(ac, PUBLISHER, 0, Action.SUBSCRIBE, "HelloWorldTopic_1");
            decide(ac, SUBSCRIBER, 0, Action.PUBLISH, "HelloWorldTopic_1");
            assertThat(ac.cachedDecisions()).isEqualTo(6);
        }

        @Test
        void withoutACacheDecisionsAreRecomputedAndEqual() {
            AccessController ac = new AccessController(null, helloworld(), 0);
            Decision first = decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1");
            assertThat(decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_1")).isEqualTo(first);
            assertThat(ac.cachedDecisions()).isZero();
        }

        @Test
        void aFullCacheStartsOverAndStaysCorrect() {
            AccessController ac = new AccessController(null, helloworld(), 3);
            for (int i = 0; i < 50; i++) {
                assertThat(decide(ac, PUBLISHER, 0, Action.PUBLISH, "HelloWorldTopic_" + i).allowed()).isTrue();
                assertThat(decide(ac, PUBLISHER, 0, Action.PUBLISH, "Other_" + i).allowed()).isFalse();
                assertThat(ac.cachedDecisions()).isBetween(1, 3);
            }
        }
    }
}
