package org.fleetdispatch.keystore.permissions;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.error.GrantException;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.smime.SmimeVerifier;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    private static final String LP = "cyclonedds/validate_local_permissions/";
    private static final DistinguishedName CHAM500 = DistinguishedName.parse("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL");

    private static Permissions cyclone(String p7s) {
        byte[] xml = new SmimeVerifier(Vectors.cert(LP + "Test_Permissions_ca.pem")).verify(Vectors.bytes(p7s), p7s, Vectors.DAY).content();
        return Permissions.parse(xml, p7s);
    }

    private static Permissions fastdds(String smime) {
        byte[] xml = new SmimeVerifier(Vectors.cert("fastdds/maincacert.pem")).verify(Vectors.bytes(smime), smime, Vectors.DAY).content();
        return Permissions.parse(xml, smime);
    }

    @Nested
    class Reads {

        @Test
        void theRichCycloneDocument() {
            Permissions p = cyclone(LP + "Test_Permissions_full.p7s");
            assertThat(p.grants()).hasSize(2);
            Grant g = p.grantFor(CHAM500).orElseThrow();
            assertThat(g.name()).isEqualTo("OpenSplicePermissions");
            assertThat(g.validity().notBefore()).isEqualTo(Instant.parse("2015-09-15T01:00:00Z"));
            assertThat(g.rules()).extracting(Rule::kind).containsExactly(Rule.Kind.ALLOW, Rule.Kind.DENY);
            assertThat(g.defaultAllows()).isFalse();
            Criteria c = g.rules().get(0).criteria(Action.PUBLISH).get(0);
            assertThat(c.topics()).extracting(t -> t.expression()).containsExactly("K*", "*OldMessage", "OldMessanger", "NewMessage");
            assertThat(c.partitions()).hasValueSatisfying(ps -> assertThat(ps).hasSize(2));
            Rule spareDeny = p.grants().get(1).rules().get(1);
            assertThat(spareDeny.criteria(Action.RELAY)).hasSize(1);
            assertThat(spareDeny.criteria(Action.SUBSCRIBE).get(0).dataTags()).hasValue(List.of(new DataTag("aTagName1", "aTagValue1")));
        }

        @Test
        void grantsAreFoundWhateverTheSubjectsSpelling() {
            var subscriber = DistinguishedName.subjectOf(Vectors.cert("fastdds/mainsubcert.pem"));
            // Written with a leading space in the Fast-DDS document.
            assertThat(fastdds("fastdds/permissions_helloworld.smime").grantFor(subscriber))
                    .hasValueSatisfying(g -> assertThat(g.name()).isEqualTo("SubscriberPermissions"));
            byte[] remote = new SmimeVerifier(Vectors.cert(LP + "Test_Permissions_ca.pem")).verify(
                    Vectors.bytes("cyclonedds/validate_remote_permissions/Test_Permissions_different_subject_representation.p7s"), "r", Vectors.DAY).content();
            assertThat(Permissions.parse(remote, "r").grantFor(CHAM500)).isPresent();
        }

        @Test
        void aGrantMissingASubjectComponentIsNoGrantForTheFullSubject() {
            byte[] xml = new SmimeVerifier(Vectors.cert(LP + "Test_Permissions_ca.pem")).verify(
                    Vectors.bytes("cyclonedds/validate_remote_permissions/Test_Permissions_missing_subject_component.p7s"), "m", Vectors.DAY).content();
            Permissions p = Permissions.parse(xml, "missing_component.p7s");
            assertThatThrownBy(() -> p.validGrantFor(CHAM500, Vectors.DAY))
                    .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.reason()).isEqualTo(GrantException.Reason.NO_GRANT))
                    .hasMessageContaining("no grant for subject");
        }
    }

    @Nested
    class Validity {

        @Test
        void anExpiredGrant() {
            assertThatThrownBy(() -> cyclone(LP + "Test_Permissions_expired.p7s").validGrantFor(CHAM500, Vectors.DAY))
                    .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.reason()).isEqualTo(GrantException.Reason.EXPIRED))
                    .hasMessageContaining("expired 2016-09-15");
        }

        @Test
        void aGrantNotYetValid() {
            assertThatThrownBy(() -> cyclone(LP + "Test_Permissions_notyet.p7s").validGrantFor(CHAM500, Vectors.DAY))
                    .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.reason()).isEqualTo(GrantException.Reason.NOT_YET_VALID))
                    .hasMessageContaining("2035-09-15");
        }

        @Test
        void bothEndsAreInclusiveAndDatesWithoutZoneAreUtc() {
            Permissions p = Doc.permissions("DENY");
            var s = DistinguishedName.parse(Doc.SUBJECT);
            assertThat(p.validGrantFor(s, Instant.parse("2020-01-01T00:00:00Z"))).isNotNull();
            assertThat(p.validGrantFor(s, Instant.parse("2030-01-01T00:00:00Z"))).isNotNull();
            assertThatThrownBy(() -> p.validGrantFor(s, Instant.parse("2019-12-31T23:59:59Z"))).isInstanceOf(GrantException.class);
            assertThatThrownBy(() -> p.validGrantFor(s, Instant.parse("2030-01-01T00:00:01Z"))).isInstanceOf(GrantException.class);
        }
    }

    @Nested
    class Rejections {

        @Test
        void anUnknownElement() {
            assertThatThrownBy(() -> cyclone(LP + "Test_Permissions_invalid_element.p7s"))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("ufo");
        }

        @Test
        void aMissingNotAfter() {
            assertThatThrownBy(() -> cyclone(LP + "Test_Permissions_lack_of_not_after.p7s"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.element()).endsWith("/validity"))
                    .hasMessageContaining("not_after");
        }

        @Test
        void anEmptyNotAfter() {
            assertThatThrownBy(() -> fastdds("fastdds/permissions_blank_not_after.smime"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.element()).endsWith("/validity/not_after"))
                    .hasMessageContaining("dateTime");
        }

        @Test
        void aDocumentWithoutPermissions() {
            assertThatThrownBy(() -> fastdds("fastdds/permissions_blank_dds.smime"))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("permissions");
        }

        @Test
        void aDomainIdBeyondTheRtpsDomains() {
            assertThatThrownBy(() -> cyclone(LP + "Test_Permissions_invalid_data.p7s"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> {
                        assertThat(e.offendingValue()).isEqualTo("430");
                        assertThat(e.element()).endsWith("/domains/id_range/max");
                    });
        }

        @Test
        void aSubjectThatIsNotADistinguishedName() {
            assertThatThrownBy(() -> cyclone(LP + "Test_Permissions_unknown_subject.p7s"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.element()).endsWith("/grant/subject_name"))
                    .hasMessageContaining("gibberish");
        }

        @Test
        void twoGrantsForOneSubjectEvenSpelledDifferently() {
            String one = Doc.xml("DENY").replaceAll("(?s)^<dds><permissions>|</permissions></dds>\n$", "");
            String two = one.replace(Doc.SUBJECT, "O=Acme, CN=/robots/acme/agv1").replace("name=\"g\"", "name=\"g2\"");
            assertThatThrownBy(() -> Permissions.parse(("<dds><permissions>" + one + two + "</permissions></dds>").getBytes(UTF_8), "dup.xml"))
                    .isInstanceOfSatisfying(DocumentException.class, e -> assertThat(e.element()).isEqualTo("/dds/permissions/grant[2]/subject_name"))
                    .hasMessageContaining("exactly one grant per subject");
        }

        @Test
        void emptyTopicExpressionsBadDomainsAndBadDefaults() {
            assertThatThrownBy(() -> Doc.permissions("DENY", Doc.allow(Doc.id(0), Doc.criteria("publish", Doc.topics("")))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("empty topic expression");
            assertThatThrownBy(() -> Doc.permissions("DENY", Doc.allow("<id>x1</id>", Doc.criteria("publish", Doc.topics("T")))))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("x1");
            assertThatThrownBy(() -> Doc.permissions("MAYBE"))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("MAYBE").hasMessageContaining("/default");
            assertThatThrownBy(() -> Doc.permissions("DENY", Doc.allow("<id_range><min>5</min><max>1</max></id_range>",
                    Doc.criteria("publish", Doc.topics("T"))))).isInstanceOf(DocumentException.class).hasMessageContaining("min (5)");
        }

        @Test
        void aValidityEndingBeforeItStarts() {
            String xml = Doc.xml("DENY").replace("2030-01-01T00:00:00Z", "2019-01-01T00:00:00Z");
            assertThatThrownBy(() -> Permissions.parse(xml.getBytes(UTF_8), "v.xml"))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("not_after is before not_before");
        }
    }
}
