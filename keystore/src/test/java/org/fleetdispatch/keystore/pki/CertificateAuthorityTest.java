package org.fleetdispatch.keystore.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.error.KeyMaterialException;
import org.fleetdispatch.keystore.support.TestPki;
import org.junit.jupiter.api.Test;

/** Certificates as SROS 2's _utilities.build_key_and_cert writes them. */
class CertificateAuthorityTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:20:30.456Z");
    private static final Validity TEN_YEARS = Validity.days(NOW, 3650);

    @Test
    void rootCaIsSros2sCaCertificate() throws Exception {
        CertificateAuthority ca = CertificateAuthority.selfSigned("sros2CA", TEN_YEARS, 1);
        X509Certificate c = ca.certificate();
        assertThat(c.getVersion()).isEqualTo(3);
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=sros2CA");
        assertThat(c.getIssuerX500Principal()).isEqualTo(c.getSubjectX500Principal());
        assertThat(c.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(((ECPublicKey) c.getPublicKey()).getParams().getCurve().getField().getFieldSize()).isEqualTo(256);
        assertThat(KeyPolicy.refusal(c.getPublicKey())).isEmpty();
        assertThat(c.getBasicConstraints()).isEqualTo(1);
        assertThat(c.getCriticalExtensionOIDs()).containsExactly("2.5.29.19");
        assertThat(c.getNonCriticalExtensionOIDs()).isNullOrEmpty();
        assertThat(c.getNotBefore().toInstant()).isEqualTo(Instant.parse("2026-01-14T10:20:30Z"));
        assertThat(c.getNotAfter().toInstant()).isEqualTo(Instant.parse("2036-01-13T10:20:30Z"));
        assertThat(c.getSerialNumber().signum()).isPositive();
        assertThat(c.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
        c.verify(c.getPublicKey());
    }

    @Test
    void identityCertificateIsSros2sEnclaveCertificate() throws Exception {
        CertificateAuthority ca = CertificateAuthority.selfSigned("sros2CA", TEN_YEARS, 1);
        KeyPair keys = CertificateAuthority.generateKeyPair();
        X509Certificate c = ca.issueIdentity("/talker_listener/talker", keys.getPublic(), Validity.days(NOW, 30));
        assertThat(c.getSubjectX500Principal().getName()).isEqualTo("CN=/talker_listener/talker");
        assertThat(c.getIssuerX500Principal().getName()).isEqualTo("CN=sros2CA");
        assertThat(c.getBasicConstraints()).isEqualTo(-1);
        assertThat(c.getNonCriticalExtensionOIDs()).containsExactly("2.5.29.19");
        assertThat(c.getCriticalExtensionOIDs()).isNullOrEmpty();
        assertThat(c.getNotAfter().toInstant()).isEqualTo(Instant.parse("2026-02-14T10:20:30Z"));
        assertThat(c.getPublicKey()).isEqualTo(keys.getPublic());
        c.verify(ca.certificate().getPublicKey());
    }

    @Test
    void intermediateChainsToTheRootWithPathLengthZero() throws Exception {
        CertificateAuthority root = CertificateAuthority.selfSigned("root", TEN_YEARS, 1);
        CertificateAuthority mid = root.issueIntermediate("mid", TEN_YEARS);
        assertThat(mid.certificate().getBasicConstraints()).isZero();
        assertThat(mid.issuers()).containsExactly(root.certificate());
        mid.certificate().verify(root.certificate().getPublicKey());
        X509Certificate leaf = mid.issueIdentity("/x", CertificateAuthority.generateKeyPair().getPublic(), TEN_YEARS);
        IdentityValidation v = IdentityValidator.builder().trust(root.certificate()).build()
                .validate(leaf, List.of(mid.certificate()), NOW);
        assertThat(v.path()).containsExactly(leaf, mid.certificate(), root.certificate());
    }

    @Test
    void loadingRefusesAKeyThatIsNotTheCertificates() {
        CertificateAuthority a = CertificateAuthority.selfSigned("a", TEN_YEARS, 1);
        CertificateAuthority b = CertificateAuthority.selfSigned("b", TEN_YEARS, 1);
        assertThatThrownBy(() -> CertificateAuthority.of(a.certificate(), b.privateKey(), List.of()))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("does not belong");
        assertThat(CertificateAuthority.of(a.certificate(), a.privateKey(), List.of()).certificate()).isEqualTo(a.certificate());
    }

    @Test
    void anRsa2048CaIsAcceptedAndSignsWithSha256Rsa() throws Exception {
        TestPki.Party rsaRoot = rsaCa();
        CertificateAuthority ca = CertificateAuthority.of(rsaRoot.cert(), rsaRoot.key(), List.of());
        X509Certificate leaf = ca.issueIdentity("/r", CertificateAuthority.generateKeyPair().getPublic(), TEN_YEARS);
        assertThat(leaf.getSigAlgName()).isEqualTo("SHA256withRSA");
        leaf.verify(rsaRoot.cert().getPublicKey());
    }

    @Test
    void refusesToIssueForKeysDdsSecurityDoesNotAllow() {
        CertificateAuthority ca = CertificateAuthority.selfSigned("sros2CA", TEN_YEARS, 1);
        assertThatThrownBy(() -> ca.issueIdentity("/weak", TestPki.rsa(1024).getPublic(), TEN_YEARS))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("RSA-1024");
    }

    private static TestPki.Party rsaCa() {
        KeyPair k = TestPki.rsa(2048);
        org.bouncycastle.asn1.x500.X500Name n = new org.bouncycastle.asn1.x500.X500Name("CN=rsa root");
        return new TestPki.Party(n, k, TestPki.cert(n, k.getPublic(), n, k.getPrivate(), TestPki.FROM, TestPki.TO, 1, null));
    }
}
