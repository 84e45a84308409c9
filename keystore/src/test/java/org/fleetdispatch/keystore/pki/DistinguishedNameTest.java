package org.fleetdispatch.keystore.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.security.auth.x500.X500Principal;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Test;

class DistinguishedNameTest {

    private static DistinguishedName dn(String s) {
        return DistinguishedName.parse(s);
    }

    @Test
    void attributeOrderDoesNotMatter() {
        assertThat(dn("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL"))
                .isEqualTo(dn("C=NL,ST=Some-State,O=Internet Widgits Pty Ltd,CN=CHAM500 cert"));
    }

    @Test
    void sAndStAreTheSameAttribute() {
        assertThat(dn("CN=x,S=Some-State")).isEqualTo(dn("CN=x,ST=Some-State"));
    }

    @Test
    void emailAddressSpellingsAreTheSameAttribute() {
        assertThat(dn("emailAddress=a@b.c,CN=x")).isEqualTo(dn("E=a@b.c,CN=x"));
    }

    @Test
    void caseAndInnerWhitespaceOfValuesAndSpacesAfterCommasAreFolded() {
        assertThat(dn("CN=Main  Publisher, O=eProsima")).isEqualTo(dn("cn=main publisher,o=EPROSIMA"));
        assertThat(dn(" CN=x")).isEqualTo(dn("CN=x"));
    }

    @Test
    void multiValuedRdnsMatchWhateverTheirInnerOrderButAreNotFlattened() {
        assertThat(dn("CN=a+O=b,C=NL")).isEqualTo(dn("C=NL,O=b+CN=a"));
        assertThat(dn("CN=a+O=b,C=NL")).isNotEqualTo(dn("CN=a,O=b,C=NL"));
    }

    @Test
    void aMissingOrExtraAttributeMakesThemDifferent() {
        assertThat(dn("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State"))
                .isNotEqualTo(dn("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL"));
        assertThat(dn("CN=x,OU=a,OU=b")).isNotEqualTo(dn("CN=x,OU=a"));
        assertThat(dn("CN=x,OU=a,OU=b")).isEqualTo(dn("OU=b,CN=x,OU=a"));
    }

    @Test
    void differentValuesDiffer() {
        assertThat(dn("CN=/talker")).isNotEqualTo(dn("CN=/listener"));
    }

    @Test
    void readsOpenSslOneLineForm() {
        assertThat(dn("/O=Internet Widgits Pty Ltd/ST=Some-State/C=NL/CN=CHAM500 cert"))
                .isEqualTo(dn("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL"));
    }

    @Test
    void escapedSpecialCharactersAreValues() {
        assertThat(dn("CN=a\\,b,O=x")).isEqualTo(dn("O=x,CN=a\\,b"));
        assertThat(dn("CN=a\\,b").size()).isEqualTo(1);
    }

    @Test
    void equalsTheSubjectOfARealCertificateWrittenAnyOrder() {
        DistinguishedName subject = DistinguishedName.subjectOf(Vectors.cert("fastdds/mainpubcert.pem"));
        assertThat(subject).isEqualTo(dn("emailAddress=mainpub@eprosima.com, CN=Main Publisher, OU=eProsima, O=eProsima, ST=MA, C=ES"));
        assertThat(subject).isEqualTo(dn("C=ES,S=MA,O=eProsima,OU=eProsima,CN=Main Publisher,E=mainpub@eprosima.com"));
        assertThat(subject).isNotEqualTo(dn("CN=Main Publisher, OU=eProsima, O=eProsima, ST=MA, C=ES"));
    }

    @Test
    void equalsAnX500PrincipalOfTheSameName() {
        assertThat(DistinguishedName.of(new X500Principal("CN=x, O=y"))).isEqualTo(dn("O=y,CN=x"));
    }

    @Test
    void displaysReadably() {
        X500Principal p = Vectors.cert("fastdds/mainpubcert.pem").getSubjectX500Principal();
        assertThat(DistinguishedName.display(p)).isEqualTo("E=mainpub@eprosima.com,CN=Main Publisher,OU=eProsima,O=eProsima,ST=MA,C=ES");
    }

    @Test
    void refusesWhatIsNotADistinguishedName() {
        assertThatThrownBy(() -> dn("gibberish")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gibberish");
        assertThatThrownBy(() -> dn("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> dn("NOSUCHATTR=x")).isInstanceOf(IllegalArgumentException.class);
    }
}
