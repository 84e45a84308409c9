package org.fleetdispatch.keystore.smime;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fleetdispatch.keystore.error.SignatureVerificationException;
import org.fleetdispatch.keystore.error.SignatureVerificationException.Reason;
import org.fleetdispatch.keystore.pki.CertificateAuthority;
import org.fleetdispatch.keystore.pki.Crypto;
import org.fleetdispatch.keystore.pki.Validity;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SmimeVerifierTest {

    private static final Instant AT = Vectors.DAY;
    private static final String LP = "cyclonedds/validate_local_permissions/";

    private static SignedDocument verify(String doc, String... cas) {
        return verify(Vectors.bytes(doc), AT, cas);
    }

    private static SignedDocument verify(byte[] doc, Instant at, String... cas) {
        List<X509Certificate> list = new java.util.ArrayList<>();
        for (String ca : cas) {
            list.addAll(Vectors.certs(ca));
        }
        return new SmimeVerifier(list).verify(doc, "doc.p7s", at);
    }

    private static Reason reason(Runnable r) {
        try {
            r.run();
        } catch (SignatureVerificationException e) {
            return e.reason();
        }
        throw new AssertionError("verification unexpectedly succeeded");
    }

    @Nested
    class Accepts {

        @Test
        void fastDdsDocumentsSignedByTheMainCa() {
            SignedDocument d = verify("fastdds/governance_helloworld_all_enable.smime", "fastdds/maincacert.pem");
            assertThat(d.text()).isEqualTo(new String(Vectors.bytes("fastdds/governance_helloworld_all_enable_dds_sec.xml"), UTF_8));
            assertThat(d.signer()).isEqualTo(Vectors.cert("fastdds/maincacert.pem"));
            assertThat(verify("fastdds/permissions_helloworld.smime", "fastdds/maincacert.pem").text()).contains("HelloWorldTopic_*");
        }

        @Test
        void cycloneDocumentsSignedByAnRsaPermissionsCa() {
            SignedDocument d = verify(LP + "Test_Permissions_ok.p7s", LP + "Test_Permissions_ca.pem");
            assertThat(d.text()).contains("CN=CHAM500 cert");
            assertThat(verify(LP + "Test_Governance_full.p7s", LP + "Test_Permissions_ca.pem").text()).contains("OwnShip?ata");
        }

        @Test
        void aDocumentSignedByAnIntermediateConfiguredAsThePermissionsCa() {
            assertThat(verify("fastdds/governance_signed_by_chained_ca.smime", "fastdds/chainedcacert.pem").text()).contains("<dds");
            assertThat(verify("fastdds/permissions_signed_by_chained_ca.smime", "fastdds/chainedcacert.pem").text()).contains("<dds");
        }

        @Test
        void aDocumentOfTheOtherCaWhenThatCaIsConfigured() {
            assertThat(verify("fastdds/governance_allow_unauth_all_disabled_access_none_other_ca.smime", "fastdds/othercacert.pem").text())
                    .contains("allow_unauthenticated_participants");
            // Alternative Permissions CAs: either may sign.
            assertThat(verify("fastdds/governance_allow_unauth_all_disabled_access_none_other_ca.smime",
                    "fastdds/maincacert.pem", "fastdds/othercacert.pem").signer()).isEqualTo(Vectors.cert("fastdds/othercacert.pem"));
        }
    }

    @Nested
    class Refuses {

        @Test
        void aDocumentSignedByALeafCertificateOfThePermissionsCa() {
            // openssl smime -verify -CAfile maincacert.pem accepts it: the signer chains to the CA.
            assertThatThrownBy(() -> verify("fastdds/permissions_access_control_tests_malicious.smime", "fastdds/maincacert.pem"))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA))
                    .hasMessageContaining("CN=Main Subscriber")
                    .hasMessageContaining("issued by the Permissions CA, not the Permissions CA itself");
        }

        @Test
        void aDocumentOfAnotherCaWithTheSameName() {
            assertThatThrownBy(() -> verify("fastdds/governance_helloworld_all_enable.smime", "fastdds/seccacert.pem"))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA))
                    .hasMessageContaining("name").hasMessageContaining("different key");
            assertThat(reason(() -> verify("fastdds/governance_signed_by_expired_ca.smime", "fastdds/maincacert.pem")))
                    .isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA);
        }

        @Test
        void documentsOfOtherCas() {
            assertThat(reason(() -> verify("fastdds/governance_allow_unauth_all_disabled_access_none_other_ca.smime", "fastdds/maincacert.pem")))
                    .isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA);
            assertThat(reason(() -> verify("fastdds/governance_signed_by_chained_ca.smime", "fastdds/maincacert.pem")))
                    .isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA);
            assertThat(reason(() -> verify(LP + "Test_Governance_unknown_ca.p7s", LP + "Test_Permissions_ca.pem")))
                    .isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA);
            assertThat(reason(() -> verify(LP + "Test_Permissions_unknown_ca.p7s", LP + "Test_Permissions_ca.pem")))
                    .isEqualTo(Reason.SIGNER_NOT_PERMISSIONS_CA);
        }

        @Test
        void aDocumentOfAnExpiredPermissionsCaButNotOneVerifiedWhileTheCaWasValid() {
            assertThatThrownBy(() -> verify("fastdds/governance_signed_by_expired_ca.smime", "fastdds/expired_ca_cert.pem"))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNER_NOT_VALID))
                    .hasMessageContaining("expired 2025-01-11");
            Instant whileValid = Instant.parse("2025-01-10T18:00:00Z");
            assertThat(verify(Vectors.bytes("fastdds/permissions_signed_by_expired_ca.smime"), whileValid, "fastdds/expired_ca_cert.pem").text())
                    .contains("<dds");
            assertThat(reason(() -> verify(Vectors.bytes("fastdds/governance_helloworld_all_enable.smime"),
                    Instant.parse("2010-01-01T00:00:00Z"), "fastdds/maincacert.pem"))).isEqualTo(Reason.SIGNER_NOT_VALID);
        }

        @Test
        void plainXmlWhereASignedDocumentIsExpected() {
            assertThatThrownBy(() -> verify(LP + "Test_Permissions_not_signed.p7s", LP + "Test_Permissions_ca.pem"))
                    .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_SIGNED))
                    .hasMessageStartingWith("doc.p7s: not an S/MIME signed document");
            assertThat(reason(() -> verify(LP + "Test_Governance_not_signed.p7s", LP + "Test_Permissions_ca.pem"))).isEqualTo(Reason.NOT_SIGNED);
            assertThat(reason(() -> verify("fastdds/permissions_helloworld_dds_sec.xml", "fastdds/maincacert.pem"))).isEqualTo(Reason.NOT_SIGNED);
        }

        @Test
        void contentAlteredAfterSigning() {
            String signed = new String(Vectors.bytes("fastdds/permissions_helloworld.smime"), ISO_8859_1);
            byte[] altered = signed.replaceFirst("<default>DENY</default>", "<default>ALLOW</default>").getBytes(ISO_8859_1);
            assertThat(altered).isNotEqualTo(signed.getBytes(ISO_8859_1));
            assertThatThrownBy(() -> verify(altered, AT, "fastdds/maincacert.pem"))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.DIGEST_MISMATCH))
                    .hasMessageContaining("altered after signing");
        }

        @Test
        void aSignatureNotMadeByTheKeyOfTheCertificateItNames() throws Exception {
            CertificateAuthority ca = CertificateAuthority.selfSigned("sros2CA", Validity.days(AT, 10), 1);
            KeyPair impostor = CertificateAuthority.generateKeyPair();
            byte[] forged = multipart(Canonical.textEntity("<dds/>".getBytes(UTF_8)), ca.certificate(), impostor, 1);
            assertThat(reason(() -> new SmimeVerifier(ca.certificate()).verify(forged, "f", AT))).isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void moreThanOneSigner() throws Exception {
            CertificateAuthority ca = CertificateAuthority.selfSigned("sros2CA", Validity.days(AT, 10), 1);
            byte[] twice = multipart(Canonical.textEntity("<dds/>".getBytes(UTF_8)), ca.certificate(),
                    new KeyPair(ca.certificate().getPublicKey(), ca.privateKey()), 2);
            assertThatThrownBy(() -> new SmimeVerifier(ca.certificate()).verify(twice, "f", AT))
                    .isInstanceOfSatisfying(SignatureVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                    .hasMessageContaining("2 signers");
        }

        @Test
        void brokenEnvelopes() {
            X509Certificate main = Vectors.cert("fastdds/maincacert.pem");
            SmimeVerifier v = new SmimeVerifier(main);
            String good = new String(Vectors.bytes("fastdds/permissions_helloworld.smime"), ISO_8859_1);
            String noBoundary = good.replaceFirst("; boundary=\"[^\"]+\"", "");
            assertThat(reason(() -> v.verify(noBoundary.getBytes(ISO_8859_1), "f", AT))).isEqualTo(Reason.MALFORMED);
            String truncated = good.substring(0, good.indexOf("Content-Type: application/x-pkcs7-signature"));
            assertThat(reason(() -> v.verify(truncated.getBytes(ISO_8859_1), "f", AT))).isEqualTo(Reason.MALFORMED);
            String badBase64 = good.replaceFirst("(?s)(filename=\"smime.p7s\"\n\n)[A-Za-z0-9+/]{8}", "$1!!!!!!!!");
            assertThat(reason(() -> v.verify(badBase64.getBytes(ISO_8859_1), "f", AT))).isEqualTo(Reason.MALFORMED);
            String notText = good.replaceFirst("Content-Type: text/plain", "Content-Type: application/xml");
            assertThatThrownBy(() -> v.verify(notText.getBytes(ISO_8859_1), "f", AT)).hasMessageContaining("application/xml");
            assertThat(reason(() -> v.verify("Content-Type: text/html\n\n<p>".getBytes(US_ASCII), "f", AT))).isEqualTo(Reason.NOT_SIGNED);
        }

        private byte[] multipart(byte[] entity, X509Certificate cert, KeyPair signingKeys, int signers) throws Exception {
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            for (int i = 0; i < signers; i++) {
                gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.PROVIDER).build())
                        .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.PROVIDER).build(signingKeys.getPrivate()), cert));
            }
            gen.addCertificates(new JcaCertStore(List.of(cert)));
            CMSSignedData data = gen.generate(new CMSProcessableByteArray(entity), false);
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(US_ASCII)).encodeToString(data.getEncoded());
            String m = "MIME-Version: 1.0\nContent-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\"; micalg=\"sha-256\"; "
                    + "boundary=\"----B\"\n\nThis is an S/MIME signed message\n\n------B\n" + new String(entity, US_ASCII) + "\n------B\n"
                    + "Content-Type: application/x-pkcs7-signature; name=\"smime.p7s\"\nContent-Transfer-Encoding: base64\n\n" + b64
                    + "\n\n------B--\n";
            return m.getBytes(US_ASCII);
        }
    }
}
