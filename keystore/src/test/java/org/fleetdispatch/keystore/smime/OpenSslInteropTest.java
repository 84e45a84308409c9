package org.fleetdispatch.keystore.smime;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import org.fleetdispatch.keystore.error.SignatureVerificationException;
import org.fleetdispatch.keystore.error.SignatureVerificationException.Reason;
import org.fleetdispatch.keystore.pki.CertificateAuthority;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.pki.Validity;
import org.fleetdispatch.keystore.support.OpenSsl;
import org.fleetdispatch.keystore.support.TestPki;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both directions, by running the openssl binary. */
class OpenSslInteropTest {

    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<dds>\n  <permissions/>\n</dds>\n";

    @TempDir
    Path dir;

    private final Instant now = Instant.now();
    private CertificateAuthority ca;

    @BeforeEach
    void writeCa() throws Exception {
        ca = CertificateAuthority.selfSigned("sros2CA", Validity.days(now, 10), 1);
        Files.writeString(dir.resolve("ca.pem"), Pem.certificate(ca.certificate()));
        Files.writeString(dir.resolve("ca.key"), Pem.privateKey(ca.privateKey(), null));
        Files.writeString(dir.resolve("doc.xml"), XML);
    }

    @Test
    void openSslVerifiesOursAndGetsTheDocumentBack() throws Exception {
        Files.write(dir.resolve("ours.p7s"), SmimeSigner.sign(XML.getBytes(UTF_8), ca.certificate(), ca.privateKey(), now));
        OpenSsl.Result r = OpenSsl.ok(dir, "smime", "-verify", "-in", "ours.p7s", "-CAfile", "ca.pem", "-text", "-out", "content.xml");
        assertThat(r.stderr()).contains("Verification successful");
        assertThat(Files.readString(dir.resolve("content.xml")).replace("\r\n", "\n")).isEqualTo(XML);
        OpenSsl.Result cms = OpenSsl.ok(dir, "cms", "-cmsout", "-print", "-inform", "SMIME", "-in", "ours.p7s");
        assertThat(cms.stdout()).contains("sha256").contains("eContent: <ABSENT>").contains("subject: CN=sros2CA")
                .contains("ecdsa-with-SHA256").contains("signingTime").contains("messageDigest");
    }

    @Test
    void openSslRefusesOursOnceAltered() throws Exception {
        String ours = new String(SmimeSigner.sign(XML.getBytes(UTF_8), ca.certificate(), ca.privateKey(), now), UTF_8);
        Files.writeString(dir.resolve("altered.p7s"), ours.replace("<permissions/>", "<permissionz/>"));
        assertThat(OpenSsl.run(dir, "smime", "-verify", "-in", "altered.p7s", "-CAfile", "ca.pem", "-out", "/dev/null").ok()).isFalse();
        assertThatThrownBy(() -> new SmimeVerifier(ca.certificate()).verify(Files.readAllBytes(dir.resolve("altered.p7s")), "altered.p7s", now))
                .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DIGEST_MISMATCH));
    }

    @Test
    void weVerifyOpenSslsSignature() throws Exception {
        OpenSsl.ok(dir, "smime", "-sign", "-text", "-md", "sha256", "-in", "doc.xml", "-signer", "ca.pem", "-inkey", "ca.key", "-out", "theirs.p7s");
        SignedDocument d = new SmimeVerifier(ca.certificate()).verify(Files.readAllBytes(dir.resolve("theirs.p7s")), "theirs.p7s", now);
        assertThat(d.text()).isEqualTo(XML);
    }

    @Test
    void weVerifyOpenSslsSignatureWithoutEmbeddedCertificate() throws Exception {
        OpenSsl.ok(dir, "smime", "-sign", "-text", "-nocerts", "-in", "doc.xml", "-signer", "ca.pem", "-inkey", "ca.key", "-out", "nocerts.p7s");
        assertThat(new SmimeVerifier(ca.certificate()).verify(Files.readAllBytes(dir.resolve("nocerts.p7s")), "n", now).text()).isEqualTo(XML);
        CertificateAuthority other = CertificateAuthority.selfSigned("other", Validity.days(now, 10), 1);
        assertThatThrownBy(() -> new SmimeVerifier(other.certificate()).verify(Files.readAllBytes(dir.resolve("nocerts.p7s")), "n", now))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA));
    }

    @Test
    void weVerifyOpenSslsRsaSignature() throws Exception {
        KeyPair k = TestPki.rsa(2048);
        org.bouncycastle.asn1.x500.X500Name n = new org.bouncycastle.asn1.x500.X500Name("CN=rsa permissions ca");
        var cert = TestPki.cert(n, k.getPublic(), n, k.getPrivate(), now.minusSeconds(60), now.plusSeconds(86400), 1, null);
        Files.writeString(dir.resolve("rsa.pem"), Pem.certificate(cert));
        Files.writeString(dir.resolve("rsa.key"), Pem.privateKey(k.getPrivate(), null));
        OpenSsl.ok(dir, "smime", "-sign", "-text", "-md", "sha256", "-in", "doc.xml", "-signer", "rsa.pem", "-inkey", "rsa.key", "-out", "rsa.p7s");
        assertThat(new SmimeVerifier(cert).verify(Files.readAllBytes(dir.resolve("rsa.p7s")), "rsa.p7s", now).text()).isEqualTo(XML);
    }

    @Test
    void openSslAcceptsALeafSignerThatWeRefuse() throws Exception {
        KeyPair leafKeys = CertificateAuthority.generateKeyPair();
        var leaf = ca.issueIdentity("/robots/acme/agv1", leafKeys.getPublic(), Validity.days(now, 10));
        Files.writeString(dir.resolve("leaf.pem"), Pem.certificate(leaf));
        Files.writeString(dir.resolve("leaf.key"), Pem.privateKey(leafKeys.getPrivate(), null));
        OpenSsl.ok(dir, "smime", "-sign", "-text", "-in", "doc.xml", "-signer", "leaf.pem", "-inkey", "leaf.key", "-out", "leaf.p7s");
        assertThat(OpenSsl.run(dir, "smime", "-verify", "-in", "leaf.p7s", "-CAfile", "ca.pem", "-out", "/dev/null").ok()).isTrue();
        assertThatThrownBy(() -> new SmimeVerifier(ca.certificate()).verify(Files.readAllBytes(dir.resolve("leaf.p7s")), "leaf.p7s", now))
                .isInstanceOfSatisfying(SignatureVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA))
                .hasMessageContaining("/robots/acme/agv1");
    }

    @Test
    void weRefuseOpaqueAndBinarySignaturesThatDdsImplementationsRefuse() throws Exception {
        OpenSsl.ok(dir, "smime", "-sign", "-text", "-nodetach", "-in", "doc.xml", "-signer", "ca.pem", "-inkey", "ca.key", "-out", "opaque.p7s");
        assertThat(reasonOf(dir.resolve("opaque.p7s"))).isEqualTo(Reason.NOT_SIGNED);
        OpenSsl.ok(dir, "smime", "-sign", "-in", "doc.xml", "-signer", "ca.pem", "-inkey", "ca.key", "-out", "binary.p7s");
        assertThat(reasonOf(dir.resolve("binary.p7s"))).isEqualTo(Reason.MALFORMED);
    }

    private Reason reasonOf(Path file) throws Exception {
        try {
            new SmimeVerifier(ca.certificate()).verify(Files.readAllBytes(file), file.toString(), now);
        } catch (SignatureVerificationException e) {
            return e.reason();
        }
        throw new AssertionError(file + " unexpectedly verified");
    }
}
