package org.fleetdispatch.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.error.InvalidKeystoreException;
import org.fleetdispatch.keystore.error.KeyMaterialException;
import org.fleetdispatch.keystore.error.SignatureVerificationException;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.smime.SmimeVerifier;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreTest {

    static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final Instant LATER = NOW.plus(Duration.ofHours(1));

    @TempDir
    Path tmp;

    static KeystoreOptions options() {
        return KeystoreOptions.defaults().withClock(CLOCK);
    }

    private Path ks() {
        return tmp.resolve("ks");
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Nested
    class CreateKeystore {

        @Test
        void writesSros2sLayoutWithRelativeLinks() throws Exception {
            Keystore.create(ks(), options());
            Path pub = ks().resolve("public");
            Path priv = ks().resolve("private");
            assertThat(Files.isRegularFile(pub.resolve("ca.cert.pem"))).isTrue();
            assertThat(Files.readSymbolicLink(pub.resolve("identity_ca.cert.pem"))).isEqualTo(Path.of("ca.cert.pem"));
            assertThat(Files.readSymbolicLink(pub.resolve("permissions_ca.cert.pem"))).isEqualTo(Path.of("ca.cert.pem"));
            assertThat(Files.readSymbolicLink(priv.resolve("identity_ca.key.pem"))).isEqualTo(Path.of("ca.key.pem"));
            assertThat(Files.readSymbolicLink(priv.resolve("permissions_ca.key.pem"))).isEqualTo(Path.of("ca.key.pem"));
            assertThat(mode(priv)).isEqualTo("rwx------");
            assertThat(mode(priv.resolve("ca.key.pem"))).isEqualTo("rw-------");
            assertThat(Files.readString(priv.resolve("ca.key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(Keystore.isValid(ks())).isTrue();
            try (Stream<Path> s = Files.list(ks().resolve("enclaves"))) {
                assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("governance.xml", "governance.p7s");
            }
        }

        @Test
        void theCaIsSros2sWithTheConfiguredLifetime() {
            Keystore.create(ks(), options().withDays(30));
            X509Certificate ca = Pem.readCertificate(ks().resolve("public/ca.cert.pem"));
            assertThat(ca.getSubjectX500Principal().getName()).isEqualTo("CN=sros2CA");
            assertThat(ca.getBasicConstraints()).isEqualTo(1);
            assertThat(ca.getNotBefore().toInstant()).isEqualTo(NOW.minus(Duration.ofDays(1)));
            assertThat(ca.getNotAfter().toInstant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        }

        @Test
        void governanceIsSros2sDefaultForTheDomainSignedByThePermissionsCa() throws Exception {
            Keystore.create(ks(), options().withDomainId(42));
            byte[] xml = Files.readAllBytes(ks().resolve("enclaves/governance.xml"));
            Governance g = Governance.parse(xml, "governance.xml");
            assertThat(g.domainRule(42)).isPresent();
            assertThat(g.domainRule(0)).isEmpty();
            var verified = new SmimeVerifier(Pem.readCertificate(ks().resolve("public/permissions_ca.cert.pem")))
                    .verify(Files.readAllBytes(ks().resolve("enclaves/governance.p7s")), "governance.p7s", LATER);
            assertThat(verified.text()).isEqualTo(new String(xml, java.nio.charset.StandardCharsets.UTF_8));
            var ours = g.domainRule(42).orElseThrow();
            var theirs = Governance.parse(Vectors.bytes("sros2/defaults/dds/governance.xml"), "sros2").domainRule(0).orElseThrow();
            assertThat(ours).usingRecursiveComparison().ignoringFields("line", "domains", "topicRules.line").isEqualTo(theirs);
        }

        @Test
        void refusesToOverwriteAKeystore() {
            Keystore.create(ks(), options());
            assertThatThrownBy(() -> Keystore.create(ks(), options()))
                    .isInstanceOf(InvalidKeystoreException.class).hasMessageContaining("already a keystore");
        }

        @Test
        void splitCasAreRealFilesAndEachDoesItsJob() throws Exception {
            Keystore ks = Keystore.create(ks(), options().withSplitCa(true));
            Path pub = ks().resolve("public");
            assertThat(Files.isSymbolicLink(pub.resolve("identity_ca.cert.pem"))).isFalse();
            assertThat(Files.isSymbolicLink(pub.resolve("permissions_ca.cert.pem"))).isFalse();
            assertThat(Files.exists(pub.resolve("ca.cert.pem"))).isFalse();
            X509Certificate identity = Pem.readCertificate(pub.resolve("identity_ca.cert.pem"));
            X509Certificate permissions = Pem.readCertificate(pub.resolve("permissions_ca.cert.pem"));
            assertThat(identity.getPublicKey()).isNotEqualTo(permissions.getPublicKey());
            ks.createEnclave(EnclavePath.of("/a"));
            X509Certificate leaf = Pem.readCertificate(ks().resolve("enclaves/a/cert.pem"));
            leaf.verify(identity.getPublicKey());
            byte[] p7s = Files.readAllBytes(ks().resolve("enclaves/a/permissions.p7s"));
            assertThat(new SmimeVerifier(permissions).verify(p7s, "p", LATER).text()).contains("CN=/a");
            assertThatThrownBy(() -> new SmimeVerifier(identity).verify(p7s, "p", LATER)).isInstanceOf(SignatureVerificationException.class);
            assertThat(ks.loadEnclave(EnclavePath.of("/a"), LATER).grant().name()).isEqualTo("/a");
        }

        @Test
        void anIntermediateIssuesEnclaveCertificatesThatChainToTheRoot() throws Exception {
            Keystore ks = Keystore.create(ks(), options().withIntermediate(true));
            ks.createEnclave(EnclavePath.of("/robots/acme/agv1"));
            List<X509Certificate> chain = Pem.readCertificates(ks().resolve("enclaves/robots/acme/agv1/cert.pem"));
            X509Certificate intermediate = Pem.readCertificate(ks().resolve("public/intermediate_ca.cert.pem"));
            assertThat(chain).hasSize(2);
            assertThat(chain.get(1)).isEqualTo(intermediate);
            assertThat(chain.get(0).getIssuerX500Principal().getName()).isEqualTo("CN=sros2IntermediateCA");
            SecureEnclave e = ks.loadEnclave(EnclavePath.of("/robots/acme/agv1"), LATER);
            assertThat(e.identity().path()).hasSize(3);
            assertThat(e.identity().anchor()).isEqualTo(Pem.readCertificate(ks().resolve("public/ca.cert.pem")));
        }

        @Test
        void encryptedCaKeysNeedThePassword() throws Exception {
            char[] pw = "correct horse".toCharArray();
            Keystore.create(ks(), options().withKeyPassword(pw));
            assertThat(Files.readString(ks().resolve("private/ca.key.pem"))).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            assertThatThrownBy(() -> Keystore.open(ks()).createEnclave(EnclavePath.of("/a")))
                    .isInstanceOf(KeyMaterialException.class).hasMessageContaining("ca.key.pem").hasMessageContaining("no password");
            assertThatThrownBy(() -> Keystore.open(ks(), "wrong".toCharArray(), CLOCK, 10).createEnclave(EnclavePath.of("/a")))
                    .isInstanceOf(KeyMaterialException.class).hasMessageContaining("wrong password");
            Keystore.open(ks(), pw, CLOCK, 10).createEnclave(EnclavePath.of("/a"));
            assertThat(Files.readString(ks().resolve("enclaves/a/key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
            assertThat(options().withKeyPassword(pw).toString()).doesNotContain("correct horse");
        }
    }

    @Nested
    class Enclaves {

        @Test
        void createEnclaveWritesKeyCertificatePermissionsAndRelativeLinks() throws Exception {
            Keystore ks = Keystore.create(ks(), options());
            Path dir = ks.createEnclave(EnclavePath.of("/talker_listener/talker"));
            assertThat(dir).isEqualTo(ks().resolve("enclaves/talker_listener/talker"));
            assertThat(Files.readSymbolicLink(dir.resolve("identity_ca.cert.pem"))).isEqualTo(Path.of("../../../public/identity_ca.cert.pem"));
            assertThat(Files.readSymbolicLink(dir.resolve("permissions_ca.cert.pem"))).isEqualTo(Path.of("../../../public/permissions_ca.cert.pem"));
            assertThat(Files.readSymbolicLink(dir.resolve("governance.p7s"))).isEqualTo(Path.of("../../governance.p7s"));
            assertThat(mode(dir.resolve("key.pem"))).isEqualTo("rw-------");
            X509Certificate cert = Pem.readCertificate(dir.resolve("cert.pem"));
            assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=/talker_listener/talker");
            assertThat(Files.readString(dir.resolve("permissions.xml"))).contains("<subject_name>CN=/talker_listener/talker</subject_name>")
                    .contains("<topic>rt/*</topic>");
            assertThat(Files.exists(dir.resolve("permissions.p7s"))).isTrue();
        }

        @Test
        void theRootEnclaveLivesInEnclavesAndListsAsSlash() throws Exception {
            Keystore ks = Keystore.create(ks(), options());
            ks.createEnclave(EnclavePath.ROOT);
            ks.createEnclave(EnclavePath.of("/b"));
            ks.createEnclave(EnclavePath.of("/a/c"));
            Path enclaves = ks().resolve("enclaves");
            assertThat(Files.isSymbolicLink(enclaves.resolve("governance.p7s"))).isFalse();
            assertThat(Files.readSymbolicLink(enclaves.resolve("identity_ca.cert.pem"))).isEqualTo(Path.of("../public/identity_ca.cert.pem"));
            assertThat(ks.listEnclaves()).extracting(EnclavePath::toString).containsExactly("/", "/a/c", "/b");
            assertThat(ks.loadEnclave(EnclavePath.ROOT, LATER).certificate().getSubjectX500Principal().getName()).isEqualTo("CN=/");
        }

        @Test
        void recreatingAnEnclaveKeepsItsKeyAndNeverWidensItsPermissions() throws Exception {
            Keystore ks = Keystore.create(ks(), options());
            EnclavePath path = EnclavePath.of("/talker_listener/talker");
            Path dir = ks.createEnclave(path);
            String key = Files.readString(dir.resolve("key.pem"));
            ks.createPermission(path, Vectors.path("sros2/test_policies/talker_listener.policy.xml"));
            String narrowed = Files.readString(dir.resolve("permissions.xml"));
            ks.createEnclave(path);
            assertThat(Files.readString(dir.resolve("key.pem"))).isEqualTo(key);
            assertThat(Files.readString(dir.resolve("permissions.xml"))).isEqualTo(narrowed).doesNotContain("rt/*");
        }

        @Test
        void permissionsFromAPolicyCopyTheCertificatesValidityAndTheKeystoresDomain() throws Exception {
            Keystore ks = Keystore.create(ks(), options().withDomainId(7));
            EnclavePath talker = EnclavePath.of("/talker_listener/talker");
            ks.createEnclave(talker);
            ks.createPermission(talker, Vectors.path("sros2/test_policies/talker_listener.policy.xml"));
            SecureEnclave e = ks.loadEnclave(talker, LATER);
            assertThat(e.grant().validity().notAfter()).isEqualTo(e.certificate().getNotAfter().toInstant());
            AccessController ac = e.accessController();
            String me = "CN=/talker_listener/talker";
            assertThat(ac.decide(me, 7, Action.PUBLISH, "rt/chatter", List.of(), List.of(), LATER).allowed()).isTrue();
            assertThat(ac.decide(me, 7, Action.SUBSCRIBE, "rt/chatter", List.of(), List.of(), LATER).allowed()).isFalse();
            assertThat(ac.decide(me, 0, Action.PUBLISH, "rt/chatter", List.of(), List.of(), LATER).allowed()).isFalse();
        }

        @Test
        void aPolicyWithoutTheEnclaveOrAnEnclaveNotYetCreatedIsRefused() {
            Keystore ks = Keystore.create(ks(), options());
            assertThatThrownBy(() -> ks.createPermission(EnclavePath.of("/talker_listener/talker"),
                    Vectors.path("sros2/test_policies/talker_listener.policy.xml")))
                    .isInstanceOf(InvalidKeystoreException.class).hasMessageContaining("cert.pem").hasMessageContaining("create the enclave");
            ks.createEnclave(EnclavePath.of("/nobody"));
            assertThatThrownBy(() -> ks.createPermission(EnclavePath.of("/nobody"), Vectors.path("sros2/test_policies/talker_listener.policy.xml")))
                    .isInstanceOf(DocumentException.class).hasMessageContaining("/nobody");
        }

        @Test
        void generateArtifactsCreatesWhatIsMissingAndAppliesPolicies() {
            Keystore ks = Keystore.generateArtifacts(ks(), options(), List.of(EnclavePath.of("/extra")),
                    List.of(Vectors.path("sros2/test_policies/talker_listener.policy.xml")));
            assertThat(ks.listEnclaves()).extracting(EnclavePath::toString)
                    .containsExactly("/extra", "/talker_listener/listener", "/talker_listener/talker");
            SecureEnclave listener = ks.loadEnclave(EnclavePath.of("/talker_listener/listener"), LATER);
            assertThat(listener.grant().decide(0, Action.SUBSCRIBE, "rt/chatter", List.of(), List.of()).allowed()).isTrue();
            assertThat(listener.grant().decide(0, Action.PUBLISH, "rt/chatter", List.of(), List.of()).allowed()).isFalse();
            // Running it again on the existing keystore keeps the CA.
            String ca = Pem.certificate(Pem.readCertificate(ks().resolve("public/ca.cert.pem")));
            Keystore.generateArtifacts(ks(), options(), List.of(EnclavePath.of("/more")), List.of());
            assertThat(Pem.certificate(Pem.readCertificate(ks().resolve("public/ca.cert.pem")))).isEqualTo(ca);
        }
    }

    @Nested
    class Export {

        @Test
        void aBundleHasNoPrivateKeysOfCasNorOtherEnclavesAndLoads() throws Exception {
            Keystore ks = Keystore.create(ks(), options());
            ks.createEnclave(EnclavePath.of("/robots/acme/agv1"));
            ks.createEnclave(EnclavePath.of("/robots/acme/agv2"));
            ks.createEnclave(EnclavePath.ROOT);
            Path out = tmp.resolve("bundle");
            ks.exportEnclave(EnclavePath.of("/robots/acme/agv1"), out);
            assertThat(Files.exists(out.resolve("private"))).isFalse();
            assertThat(Files.exists(out.resolve("enclaves/robots/acme/agv2"))).isFalse();
            assertThat(Files.exists(out.resolve("enclaves/key.pem"))).isFalse();
            assertThat(Files.readSymbolicLink(out.resolve("public/identity_ca.cert.pem"))).isEqualTo(Path.of("ca.cert.pem"));
            assertThat(Files.readSymbolicLink(out.resolve("enclaves/robots/acme/agv1/governance.p7s"))).isEqualTo(Path.of("../../../governance.p7s"));
            assertThat(mode(out.resolve("enclaves/robots/acme/agv1/key.pem"))).isEqualTo("rw-------");
            SecureEnclave e = SecureEnclave.load(out, EnclavePath.of("/robots/acme/agv1"), LATER);
            assertThat(e.grant().name()).isEqualTo("/robots/acme/agv1");
            assertThat(Keystore.isValid(out)).isFalse();
        }

        @Test
        void theRootEnclaveExportsWithoutTheOthers() {
            Keystore ks = Keystore.create(ks(), options());
            ks.createEnclave(EnclavePath.ROOT);
            ks.createEnclave(EnclavePath.of("/x"));
            Path out = tmp.resolve("root-bundle");
            ks.exportEnclave(EnclavePath.ROOT, out);
            assertThat(Files.exists(out.resolve("enclaves/x"))).isFalse();
            assertThat(SecureEnclave.load(out, EnclavePath.ROOT, LATER).grant().name()).isEqualTo("/");
        }

        @Test
        void refusesToExportIntoANonEmptyDirectoryOrAMissingEnclave() throws Exception {
            Keystore ks = Keystore.create(ks(), options());
            ks.createEnclave(EnclavePath.of("/a"));
            Path out = Files.createDirectories(tmp.resolve("busy"));
            Files.writeString(out.resolve("something"), "x");
            assertThatThrownBy(() -> ks.exportEnclave(EnclavePath.of("/a"), out)).isInstanceOf(InvalidKeystoreException.class)
                    .hasMessageContaining("not empty");
            assertThatThrownBy(() -> ks.exportEnclave(EnclavePath.of("/b"), tmp.resolve("b"))).isInstanceOf(InvalidKeystoreException.class)
                    .hasMessageContaining("cert.pem");
        }
    }

    @Test
    void openingSomethingThatIsNotAKeystoreNamesWhatIsMissing() throws Exception {
        Files.createDirectories(ks());
        assertThatThrownBy(() -> Keystore.open(ks())).isInstanceOf(InvalidKeystoreException.class)
                .hasMessageContaining("identity_ca.cert.pem").hasMessageContaining("missing");
        assertThatThrownBy(() -> Keystore.open(tmp.resolve("nope"))).isInstanceOf(InvalidKeystoreException.class)
                .hasMessageContaining("not a directory");
    }
}
