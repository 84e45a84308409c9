package org.fleetdispatch.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.fleetdispatch.keystore.error.CertificateValidationException;
import org.fleetdispatch.keystore.error.GrantException;
import org.fleetdispatch.keystore.error.InvalidKeystoreException;
import org.fleetdispatch.keystore.error.KeyMaterialException;
import org.fleetdispatch.keystore.error.SignatureVerificationException;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.smime.SmimeSigner;
import org.fleetdispatch.keystore.support.TestPki;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureEnclaveTest {

    @TempDir
    Path tmp;

    @Test
    void aKeystoreMadeOfTheFastDdsVectorsLoads() throws Exception {
        Path ks = tmp.resolve("fastdds");
        Path pub = Files.createDirectories(ks.resolve("public"));
        Path enclaves = Files.createDirectories(ks.resolve("enclaves"));
        Path dir = Files.createDirectories(enclaves.resolve("main_publisher"));
        Files.copy(Vectors.path("fastdds/maincacert.pem"), pub.resolve("ca.cert.pem"));
        Files.createSymbolicLink(pub.resolve("identity_ca.cert.pem"), Path.of("ca.cert.pem"));
        Files.createSymbolicLink(pub.resolve("permissions_ca.cert.pem"), Path.of("ca.cert.pem"));
        Files.copy(Vectors.path("fastdds/governance_helloworld_all_enable.smime"), enclaves.resolve("governance.p7s"));
        Files.copy(Vectors.path("fastdds/mainpubcert.pem"), dir.resolve("cert.pem"));
        Files.copy(Vectors.path("fastdds/mainpubkey.pem"), dir.resolve("key.pem"));
        Files.copy(Vectors.path("fastdds/permissions_helloworld.smime"), dir.resolve("permissions.p7s"));
        Files.createSymbolicLink(dir.resolve("governance.p7s"), Path.of("../governance.p7s"));
        Files.createSymbolicLink(dir.resolve("identity_ca.cert.pem"), Path.of("../../public/identity_ca.cert.pem"));
        Files.createSymbolicLink(dir.resolve("permissions_ca.cert.pem"), Path.of("../../public/permissions_ca.cert.pem"));

        SecureEnclave e = SecureEnclave.load(ks, EnclavePath.of("/main_publisher"), Vectors.DAY);
        assertThat(e.grant().name()).isEqualTo("PublisherPermissions");
        AccessController ac = e.accessController();
        String subject = e.identity().subject().toString();
        assertThat(ac.decide(subject, 0, Action.PUBLISH, "HelloWorldTopic_1", List.of(), List.of(), Vectors.DAY).allowed()).isTrue();
        assertThat(ac.decide(subject, 0, Action.SUBSCRIBE, "HelloWorldTopic_1", List.of(), List.of(), Vectors.DAY).allowed()).isFalse();
        // The remote subscriber's document verifies under the same Permissions CA.
        var remote = e.verifyPermissions(Vectors.bytes("fastdds/permissions_helloworld.smime"), "remote", Vectors.DAY);
        assertThat(remote.grants()).hasSize(2);
        assertThatThrownBy(() -> e.verifyPermissions(Vectors.bytes("fastdds/permissions_access_control_tests_malicious.smime"), "malicious", Vectors.DAY))
                .isInstanceOf(SignatureVerificationException.class);
        // The stale CRL of the Fast-DDS suite, dropped in as crl.pem, fails the identity closed.
        Files.copy(Vectors.path("fastdds/maincrl.pem"), dir.resolve("crl.pem"));
        assertThatThrownBy(() -> SecureEnclave.load(ks, EnclavePath.of("/main_publisher"), Vectors.DAY))
                .isInstanceOfSatisfying(CertificateValidationException.class,
                        x -> assertThat(x.reason()).isEqualTo(CertificateValidationException.Reason.STALE_CRL));
    }

    @Nested
    class FailsClosed {

        private final Instant at = KeystoreTest.LATER;
        private Path ks;
        private Keystore keystore;
        private final EnclavePath agv1 = EnclavePath.of("/robots/acme/agv1");
        private Path dir;

        @BeforeEach
        void keystore() {
            ks = tmp.resolve("ks");
            keystore = Keystore.create(ks, KeystoreTest.options());
            dir = keystore.createEnclave(agv1);
            keystore.createEnclave(EnclavePath.of("/robots/acme/agv2"));
        }

        @Test
        void loadsWhenAllIsWell() {
            SecureEnclave e = SecureEnclave.load(ks, agv1, at);
            assertThat(e.path()).isEqualTo(agv1);
            assertThat(e.directory()).isEqualTo(dir);
            assertThat(e.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=/robots/acme/agv1");
            assertThat(e.privateKey()).isNotNull();
            assertThat(e.governance().domainRule(0)).isPresent();
            assertThat(e.permissions().grants()).hasSize(1);
            assertThat(e.identityValidator().validate(Pem.readCertificates(ks.resolve("enclaves/robots/acme/agv2/cert.pem")), at).path()).hasSize(2);
            assertThat(e.toString()).doesNotContain("PRIVATE");
        }

        @Test
        void permissionsAlteredAfterSigning() throws Exception {
            Path p7s = dir.resolve("permissions.p7s");
            Files.writeString(p7s, Files.readString(p7s).replace("<default>DENY</default>", "<default>ALLOW</default>"));
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(SignatureVerificationException.Reason.DIGEST_MISMATCH))
                    .hasMessageStartingWith(p7s.toString());
        }

        @Test
        void governanceSignedBySomeoneElse() throws Exception {
            TestPki.Party other = TestPki.root("CN=sros2CA");
            byte[] forged = SmimeSigner.sign(Files.readAllBytes(ks.resolve("enclaves/governance.xml")), other.cert(), other.key(), at);
            Files.write(ks.resolve("enclaves/governance.p7s"), forged);
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(SignatureVerificationException.Reason.SIGNER_NOT_PERMISSIONS_CA))
                    .hasMessageContaining("governance.p7s")
                    .hasMessageContaining("different key");
        }

        @Test
        void plainXmlInPlaceOfTheSignedDocument() throws Exception {
            Files.copy(dir.resolve("permissions.xml"), dir.resolve("permissions.p7s"), StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOfSatisfying(SignatureVerificationException.class,
                            e -> assertThat(e.reason()).isEqualTo(SignatureVerificationException.Reason.NOT_SIGNED));
        }

        @Test
        void aMissingFileOrDanglingLink() throws Exception {
            Files.delete(dir.resolve("permissions.p7s"));
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOf(InvalidKeystoreException.class).hasMessage(dir.resolve("permissions.p7s") + ": missing");
            keystore.createEnclave(agv1);
            Files.delete(ks.resolve("public/permissions_ca.cert.pem"));
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOf(InvalidKeystoreException.class).hasMessageContaining("permissions_ca.cert.pem").hasMessageContaining("dangling");
        }

        @Test
        void theKeyOfAnotherEnclave() throws Exception {
            Files.copy(ks.resolve("enclaves/robots/acme/agv2/key.pem"), dir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOf(KeyMaterialException.class).hasMessageContaining("key.pem").hasMessageContaining("does not belong");
        }

        @Test
        void permissionsWithoutAGrantForTheCertificate() throws Exception {
            Files.copy(ks.resolve("enclaves/robots/acme/agv2/permissions.p7s"), dir.resolve("permissions.p7s"), StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOfSatisfying(GrantException.class, e -> assertThat(e.reason()).isEqualTo(GrantException.Reason.NO_GRANT))
                    .hasMessageContaining("CN=/robots/acme/agv1");
        }

        @Test
        void anExpiredIdentityOrAnExpiredCa() {
            Instant inTenYears = at.plus(Duration.ofDays(3700));
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, inTenYears))
                    .isInstanceOf(SignatureVerificationException.class).hasMessageContaining("expired");
        }

        @Test
        void aRevokedIdentity() throws Exception {
            X509Certificate ca = Pem.readCertificate(ks.resolve("public/ca.cert.pem"));
            PrivateKey caKey = Pem.readPrivateKey(ks.resolve("private/ca.key.pem"), null);
            X509Certificate mine = Pem.readCertificate(dir.resolve("cert.pem"));
            var crl = TestPki.crl(X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), caKey,
                    at.minus(Duration.ofMinutes(5)), at.plus(Duration.ofDays(30)), mine);
            Files.writeString(dir.resolve("crl.pem"), Pem.crl(crl), StandardCharsets.US_ASCII);
            assertThatThrownBy(() -> SecureEnclave.load(ks, agv1, at))
                    .isInstanceOfSatisfying(CertificateValidationException.class,
                            e -> assertThat(e.reason()).isEqualTo(CertificateValidationException.Reason.REVOKED));
            assertThat(SecureEnclave.load(ks, EnclavePath.of("/robots/acme/agv2"), at).grant()).isNotNull();
        }

        @Test
        void anEnclaveThatDoesNotExist() {
            assertThatThrownBy(() -> SecureEnclave.load(ks, EnclavePath.of("/nobody"), at))
                    .isInstanceOf(InvalidKeystoreException.class).hasMessageContaining("no enclave /nobody");
        }
    }
}
