package org.fleetdispatch.keystore.permissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fleetdispatch.keystore.permissions.Doc.allow;
import static org.fleetdispatch.keystore.permissions.Doc.criteria;
import static org.fleetdispatch.keystore.permissions.Doc.deny;
import static org.fleetdispatch.keystore.permissions.Doc.grant;
import static org.fleetdispatch.keystore.permissions.Doc.id;
import static org.fleetdispatch.keystore.permissions.Doc.partitions;
import static org.fleetdispatch.keystore.permissions.Doc.parts;
import static org.fleetdispatch.keystore.permissions.Doc.topics;

import java.util.List;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.smime.SmimeVerifier;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Test;

/** Where Fast-DDS departs from DDS-Security 1.1, this library follows the specification (ADR 0022). */
class FastDdsDeviationTest {

    private static Grant cycloneFull(String subject) {
        byte[] xml = new SmimeVerifier(Vectors.cert("cyclonedds/validate_local_permissions/Test_Permissions_ca.pem"))
                .verify(Vectors.bytes("cyclonedds/validate_local_permissions/Test_Permissions_full.p7s"), "full", Vectors.DAY).content();
        return Permissions.parse(xml, "Test_Permissions_full.p7s").validGrantFor(DistinguishedName.parse(subject), Vectors.DAY);
    }

    @Test
    void defaultAllowIsHonoured() {
        // Fast-DDS treats every <default> as DENY.
        Grant spare = cycloneFull("CN=Spare cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL");
        Decision d = spare.decide(0, Action.PUBLISH, "Zebra", parts("Apart"), List.of());
        assertThat(d.allowed()).isTrue();
        assertThat(d.rule()).startsWith("<default>ALLOW</default>");
        // ... while its deny rule still denies what it lists.
        assertThat(spare.decide(0, Action.PUBLISH, "PWrong", parts("Apart"), List.of()).allowed()).isFalse();
        assertThat(grant("ALLOW", allow(id(0), criteria("publish", topics("A")))).decide(0, Action.PUBLISH, "B", List.of(), List.of()).allowed())
                .isTrue();
    }

    @Test
    void topicExpressionsMatchOneWayOnly() {
        // Fast-DDS also matches the requested name as a pattern against the expression, so a
        // request for "Old*" would match the literal "OldMessanger".
        Grant cham500 = cycloneFull("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL");
        assertThat(cham500.decide(0, Action.PUBLISH, "OldMessanger", parts("Apart"), List.of()).allowed()).isTrue();
        assertThat(cham500.decide(0, Action.PUBLISH, "OldMess*", parts("Apart"), List.of()).allowed()).isFalse();
        assertThat(cham500.decide(0, Action.PUBLISH, "*", parts("Apart"), List.of()).allowed()).isFalse();
    }

    @Test
    void evaluationGoesOnAfterATopicMatchWhosePartitionsDoNotMatch() {
        // Fast-DDS stops at the first rule whose topic matches and decides there.
        Grant g = grant("DENY",
                allow(id(0), criteria("publish", topics("T"), partitions("A"))),
                allow(id(0), criteria("publish", topics("T"), partitions("B"))));
        Decision d = g.decide(0, Action.PUBLISH, "T", parts("B"), List.of());
        assertThat(d.allowed()).isTrue();
        assertThat(d.rule()).contains("allow_rule #2");

        Grant denyOtherPartition = grant("DENY",
                deny(id(0), criteria("publish", topics("T"), partitions("A"))),
                allow(id(0), criteria("publish", topics("*"), partitions("B"))));
        assertThat(denyOtherPartition.decide(0, Action.PUBLISH, "T", parts("B"), List.of()).allowed()).isTrue();
        assertThat(denyOtherPartition.decide(0, Action.PUBLISH, "T", parts("A", "B"), List.of()).allowed()).isFalse();
    }
}
