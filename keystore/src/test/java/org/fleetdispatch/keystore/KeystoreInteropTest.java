package org.fleetdispatch.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.support.OpenSsl;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keystores in SROS 2's real format, both ways: one written the way {@code ros2 security} writes
 * it (OpenSSL doing what sros2's cryptography calls do, the documents being SROS 2's own default
 * governance and golden permissions) loads here; ours passes the checks DDS implementations make
 * with OpenSSL (chain verification, S/MIME verification against the Permissions CA, key pairing).
 */
class KeystoreInteropTest {

    @TempDir
    Path tmp;

    @Test
    void aKeystoreWrittenTheSros2WayLoads() throws Exception {
        Path ks = tmp.resolve("sros2_keystore");
        Path pub = Files.createDirectories(ks.resolve("public"));
        Path priv = Files.createDirectories(ks.resolve("private"));
        Path enclaves = Files.createDirectories(ks.resolve("enclaves"));
        Path talker = Files.createDirectories(enclaves.resolve("talker_listener/talker"));
        Files.writeString(tmp.resolve("ca.ext"), "basicConstraints=critical,CA:TRUE,pathlen:1\n");
        Files.writeString(tmp.resolve("leaf.ext"), "basicConstraints=CA:FALSE\n");

        OpenSsl.ok(tmp, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "sros2_keystore/private/ca.key.pem");
        OpenSsl.ok(tmp, "req", "-new", "-key", "sros2_keystore/private/ca.key.pem", "-subj", "/CN=sros2CA", "-out", "ca.csr");
        OpenSsl.ok(tmp, "x509", "-req", "-in", "ca.csr", "-signkey", "sros2_keystore/private/ca.key.pem", "-sha256", "-days", "3650",
                "-extfile", "ca.ext", "-out", "sros2_keystore/public/ca.cert.pem");
        for (String name : List.of("identity_ca", "permissions_ca")) {
            Files.createSymbolicLink(pub.resolve(name + ".cert.pem"), Path.of("ca.cert.pem"));
            Files.createSymbolicLink(priv.resolve(name + ".key.pem"), Path.of("ca.key.pem"));
        }
        Files.write(enclaves.resolve("governance.xml"), Vectors.bytes("sros2/defaults/dds/governance.xml"));
        OpenSsl.ok(tmp, "smime", "-sign", "-text", "-in", "sros2_keystore/enclaves/governance.xml", "-signer", "sros2_keystore/public/ca.cert.pem",
                "-inkey", "sros2_keystore/private/ca.key.pem", "-out", "sros2_keystore/enclaves/governance.p7s");

        String t = "sros2_keystore/enclaves/talker_listener/talker/";
        OpenSsl.ok(tmp, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", t + "key.pem");
        OpenSsl.ok(tmp, "req", "-new", "-key", t + "key.pem", "-subj", "/CN=\\/talker_listener\\/talker", "-out", "talker.csr");
        OpenSsl.ok(tmp, "x509", "-req", "-in", "talker.csr", "-CA", "sros2_keystore/public/ca.cert.pem", "-CAkey", "sros2_keystore/private/ca.key.pem",
                "-CAcreateserial", "-sha256", "-days", "3650", "-extfile", "leaf.ext", "-out", t + "cert.pem");
        // SROS 2's golden permissions for this policy, dated so the test does not expire with them in 2030.
        String golden = new String(Vectors.bytes("sros2/test_policies/permissions/talker_listener/permissions.xml"), java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(talker.resolve("permissions.xml"), golden.replace("2030-05-01T00:00:00", "2120-05-01T00:00:00"));
        OpenSsl.ok(tmp, "smime", "-sign", "-text", "-in", t + "permissions.xml", "-signer", "sros2_keystore/public/permissions_ca.cert.pem",
                "-inkey", "sros2_keystore/private/permissions_ca.key.pem", "-out", t + "permissions.p7s");
        Files.createSymbolicLink(talker.resolve("governance.p7s"), Path.of("../../governance.p7s"));
        Files.createSymbolicLink(talker.resolve("identity_ca.cert.pem"), Path.of("../../../public/identity_ca.cert.pem"));
        Files.createSymbolicLink(talker.resolve("permissions_ca.cert.pem"), Path.of("../../../public/permissions_ca.cert.pem"));

        assertThat(Keystore.isValid(ks)).isTrue();
        Keystore keystore = Keystore.open(ks);
        assertThat(keystore.listEnclaves()).containsExactly(EnclavePath.of("/talker_listener/talker"));
        SecureEnclave e = keystore.loadEnclave(EnclavePath.of("/talker_listener/talker"), Instant.now());
        assertThat(e.grant().name()).isEqualTo("/talker_listener/talker");
        String me = "CN=/talker_listener/talker";
        assertThat(e.accessController().decide(me, 0, Action.PUBLISH, "rt/chatter", List.of(), List.of(), Instant.now()).allowed()).isTrue();
        assertThat(e.accessController().decide(me, 0, Action.SUBSCRIBE, "rt/chatter", List.of(), List.of(), Instant.now()).allowed()).isFalse();
        // And we can go on working in it: a new enclave issued by its OpenSSL-made CA.
        keystore.createEnclave(EnclavePath.of("/talker_listener/listener"));
        keystore.createPermission(EnclavePath.of("/talker_listener/listener"), Vectors.path("sros2/test_policies/talker_listener.policy.xml"));
        assertThat(keystore.loadEnclave(EnclavePath.of("/talker_listener/listener"), Instant.now()).grant().name())
                .isEqualTo("/talker_listener/listener");
    }

    @Test
    void aKeystoreWrittenBySros2sOwnLibraryLoads() {
        // Written by Python cryptography as sros2/_utilities.py writes (src/test/resources/interop/README.md).
        Path ks = Path.of("src/test/resources/interop/sros2-cryptography-keystore");
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        assertThat(Keystore.isValid(ks)).isTrue();
        assertThat(Keystore.open(ks).listEnclaves()).containsExactly(EnclavePath.of("/talker"));
        SecureEnclave e = SecureEnclave.load(ks, EnclavePath.of("/talker"), at);
        assertThat(e.governance().domainRule(0)).isPresent();
        assertThat(e.accessController().decide("CN=/talker", 0, Action.PUBLISH, "rt/chatter", List.of(), List.of(), at).allowed()).isTrue();
        assertThat(e.accessController().decide("CN=/talker", 0, Action.PUBLISH, "rt/other", List.of(), List.of(), at).allowed()).isFalse();
    }

    @Test
    void oursPassesTheOpenSslChecksDdsImplementationsMake() throws Exception {
        Path ks = tmp.resolve("ours");
        Keystore keystore = Keystore.create(ks, KeystoreOptions.defaults());
        keystore.createEnclave(EnclavePath.of("/robots/acme/agv1"));
        Path dir = ks.resolve("enclaves/robots/acme/agv1");
        assertThat(OpenSsl.ok(dir, "verify", "-CAfile", "identity_ca.cert.pem", "cert.pem").stdout()).contains("cert.pem: OK");
        for (String doc : List.of("governance.p7s", "permissions.p7s")) {
            assertThat(OpenSsl.ok(dir, "smime", "-verify", "-text", "-in", doc, "-CAfile", "permissions_ca.cert.pem", "-out", "/dev/null").stderr())
                    .contains("Verification successful");
        }
        String fromKey = OpenSsl.ok(dir, "pkey", "-in", "key.pem", "-pubout").stdout();
        String fromCert = OpenSsl.ok(dir, "x509", "-in", "cert.pem", "-pubkey", "-noout").stdout();
        assertThat(fromKey).isEqualTo(fromCert);
        assertThat(OpenSsl.ok(dir, "x509", "-in", "cert.pem", "-noout", "-subject").stdout().trim()).isEqualTo("subject=CN = /robots/acme/agv1");
    }

    @Test
    void ourIntermediateChainVerifiesWithOpenSsl() throws Exception {
        Path ks = tmp.resolve("mid");
        Keystore keystore = Keystore.create(ks, KeystoreOptions.defaults().withIntermediate(true).withSplitCa(true));
        keystore.createEnclave(EnclavePath.of("/a"));
        Path dir = ks.resolve("enclaves/a");
        // cert.pem carries the intermediate after the leaf, as DDS implementations expect.
        assertThat(OpenSsl.run(dir, "verify", "-CAfile", "identity_ca.cert.pem", "cert.pem").ok()).isFalse();
        assertThat(OpenSsl.ok(dir, "verify", "-CAfile", "identity_ca.cert.pem", "-untrusted", "cert.pem", "cert.pem").stdout()).contains("OK");
        assertThat(OpenSsl.ok(dir, "smime", "-verify", "-text", "-in", "permissions.p7s", "-CAfile", "permissions_ca.cert.pem", "-out", "/dev/null").ok())
                .isTrue();
    }
}
