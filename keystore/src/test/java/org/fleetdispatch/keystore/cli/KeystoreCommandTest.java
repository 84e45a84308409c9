package org.fleetdispatch.keystore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fleetdispatch.keystore.Keystore;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as the README shows it, run in-process: outputs and exit codes. */
class KeystoreCommandTest {

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
        String firstLine() {
            return out.lines().findFirst().orElse("");
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KeystoreCommand.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String v(String relative) {
        return Vectors.path(relative).toString();
    }

    private String ks() {
        return tmp.resolve("ks").toString();
    }

    @Nested
    class KeystoreCommands {

        @Test
        void createKeystoreWithEveryOption() {
            Run r = run("create-keystore", ks(), "--split-ca", "--intermediate", "--domain-id", "5", "--days", "30");
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("created keystore " + ks() + "\n");
            assertThat(Keystore.isValid(Path.of(ks()))).isTrue();
            assertThat(Files.exists(Path.of(ks(), "public/intermediate_ca.cert.pem"))).isTrue();
            assertThat(Files.isSymbolicLink(Path.of(ks(), "public/identity_ca.cert.pem"))).isFalse();
            assertThat(Pem.readCertificate(Path.of(ks(), "public/identity_ca.cert.pem")).getNotAfter().getTime()
                    - Pem.readCertificate(Path.of(ks(), "public/identity_ca.cert.pem")).getNotBefore().getTime()).isEqualTo(31L * 86_400_000);
            assertThat(run("create-enclave", ks(), "/a").code()).isZero();
            assertThat(run("decide", "--permissions", ks() + "/enclaves/a/permissions.xml", "--subject", "CN=/a", "--domain", "5",
                    "--publish", "--topic", "rt/x").firstLine()).isEqualTo("ALLOW");
        }

        @Test
        void createKeystoreTwiceIsRefusedWithTheReason() {
            run("create-keystore", ks());
            Run again = run("create-keystore", ks());
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err()).isEqualTo("error: " + ks() + ": already a keystore; refusing to overwrite its CAs\n");
        }

        @Test
        void enclavesPermissionsListingAndExport() {
            run("create-keystore", ks());
            assertThat(run("create-enclave", ks(), "/talker_listener/talker").out())
                    .isEqualTo("created enclave /talker_listener/talker in " + ks() + "/enclaves/talker_listener/talker\n");
            run("create-enclave", ks(), "/");
            Run perm = run("create-permission", ks(), "/talker_listener/talker", v("sros2/test_policies/talker_listener.policy.xml"));
            assertThat(perm.code()).isZero();
            assertThat(run("list-enclaves", ks()).out()).isEqualTo("/\n/talker_listener/talker\n");
            String out = tmp.resolve("bundle").toString();
            Run export = run("export-enclave", ks(), "/talker_listener/talker", out);
            assertThat(export.code()).isZero();
            assertThat(Files.exists(Path.of(out, "private"))).isFalse();
            assertThat(Files.exists(Path.of(out, "enclaves/talker_listener/talker/key.pem"))).isTrue();
        }

        @Test
        void generateArtifactsPrintsTheEnclaves() {
            Run r = run("generate-artifacts", ks(), "--enclaves", "/x", "/y", "--policies", v("sros2/test_policies/add_two_ints.policy.xml"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo("/add_two_ints/add_two_ints_client\n/add_two_ints/add_two_ints_server\n/x\n/y\n");
        }

        @Test
        void invalidInputExitsOneWithTheReason() {
            run("create-keystore", ks());
            Run badPath = run("create-enclave", ks(), "/robots/acme-1");
            assertThat(badPath.code()).isEqualTo(1);
            assertThat(badPath.err()).startsWith("error: enclave path \"/robots/acme-1\": character '-' is not allowed");
            Run notKeystore = run("list-enclaves", tmp.resolve("nothing").toString());
            assertThat(notKeystore.code()).isEqualTo(1);
            assertThat(notKeystore.err()).contains("not a directory");
            Run noPassword = run("create-enclave", ks(), "/a", "--key-password-env", "FLEETDISPATCH_TEST_SURELY_UNSET");
            assertThat(noPassword.code()).isEqualTo(1);
            assertThat(noPassword.err()).contains("FLEETDISPATCH_TEST_SURELY_UNSET").contains("not set");
        }

        @Test
        void usageErrorsExitTwo() {
            assertThat(run().code()).isEqualTo(2);
            assertThat(run("create-keystore").code()).isEqualTo(2);
            assertThat(run("no-such-command").code()).isEqualTo(2);
            assertThat(run("create-keystore", ks(), "--days", "many").code()).isEqualTo(2);
            assertThat(run("--help").code()).isZero();
        }
    }

    @Nested
    class VerifyDocument {

        @Test
        void printsTheContentOfAGoodDocument() {
            Run r = run("verify-document", "--ca", v("fastdds/maincacert.pem"), v("fastdds/governance_helloworld_all_enable.smime"));
            assertThat(r.code()).isZero();
            assertThat(r.out()).isEqualTo(new String(Vectors.bytes("fastdds/governance_helloworld_all_enable_dds_sec.xml"),
                    java.nio.charset.StandardCharsets.UTF_8));
        }

        @Test
        void refusesWithTheReason() {
            Run leaf = run("verify-document", "--ca", v("fastdds/maincacert.pem"), v("fastdds/permissions_access_control_tests_malicious.smime"));
            assertThat(leaf.code()).isEqualTo(1);
            assertThat(leaf.out()).isEmpty();
            assertThat(leaf.err()).startsWith("error: " + v("fastdds/permissions_access_control_tests_malicious.smime") + ": signer")
                    .contains("not the Permissions CA itself");
            Run plain = run("verify-document", "--ca", v("cyclonedds/validate_local_permissions/Test_Permissions_ca.pem"),
                    v("cyclonedds/validate_local_permissions/Test_Permissions_not_signed.p7s"));
            assertThat(plain.code()).isEqualTo(1);
            assertThat(plain.err()).contains("not an S/MIME signed document");
            Run expired = run("verify-document", "--ca", v("fastdds/expired_ca_cert.pem"), v("fastdds/governance_signed_by_expired_ca.smime"));
            assertThat(expired.code()).isEqualTo(1);
            assertThat(expired.err()).contains("expired");
            assertThat(run("verify-document", "--ca", v("fastdds/expired_ca_cert.pem"), "--at", "2025-01-10T18:00:00Z",
                    v("fastdds/governance_signed_by_expired_ca.smime")).code()).isZero();
        }
    }

    @Nested
    class VerifyCert {

        private static final String CY = "cyclonedds/validate_local_identity/";

        @Test
        void printsTheChain() {
            Run r = run("verify-cert", "--ca", v(CY + "trusted_ca_dir/root_CA_RSA.crt"), "--untrusted", v(CY + "Identity_CA_Test_With_Chain.crt"),
                    "--at", "2026-11-22T12:00:00Z", v(CY + "Bob_Chain_Test.crt"));
            assertThat(r.code()).isZero();
            assertThat(r.firstLine()).startsWith("OK: ").contains("CN=Bob Chain Test");
            assertThat(r.out()).contains("chain: ").contains(" <- ").contains("CN=Identity CA Test");
        }

        @Test
        void alternativeCasCrlsAndInstants() {
            assertThat(run("verify-cert", "--ca", v("fastdds/othercacert.pem"), "--ca", v("fastdds/maincacert.pem"),
                    "--at", "2026-11-22T12:00:00Z", v("fastdds/mainpubcert.pem")).code()).isZero();
            Run revoked = run("verify-cert", "--ca", v(CY + "identity_ca"), "--crl", v(CY + "crl"), "--at", "2026-11-22T12:00:00Z",
                    v(CY + "revoked_identity_certificate"));
            assertThat(revoked.code()).isEqualTo(1);
            assertThat(revoked.err()).startsWith("error: certificate CN=CHAM501 cert").contains("revoked");
            Run stale = run("verify-cert", "--ca", v("fastdds/maincacert.pem"), "--crl", v("fastdds/maincrl.pem"), "--crl", v(CY + "crl"),
                    "--at", "2026-11-22T12:00:00Z", v("fastdds/mainpubcert.pem"));
            assertThat(stale.code()).isEqualTo(1);
            assertThat(stale.err()).contains("CRL has expired");
            assertThat(run("verify-cert", "--ca", v("fastdds/maincacert.pem"), "--crl", v("fastdds/maincrl.pem"),
                    "--at", "2018-01-01T00:00:00Z", v("fastdds/mainpubcert.pem")).code()).isZero();
            Run expired = run("verify-cert", "--ca", v("fastdds/maincacert.pem"), v("fastdds/expiredpubcert.pem"));
            assertThat(expired.code()).isEqualTo(1);
            assertThat(expired.err()).contains("expired 2017-09-07");
            assertThat(run("verify-cert", "--ca", v("fastdds/maincacert.pem"), "--at", "yesterday", v("fastdds/mainpubcert.pem")).code())
                    .isEqualTo(2);
        }
    }

    @Nested
    class Decide {

        private static final String PUB = "emailAddress=mainpub@eprosima.com, CN=Main Publisher, OU=eProsima, O=eProsima, ST=MA, C=ES";

        private Run decide(String... more) {
            return decideAs(PUB, more);
        }

        private Run decideAs(String subject, String... more) {
            String[] base = {"decide", "--permissions", v("fastdds/permissions_helloworld.smime"),
                    "--governance", v("fastdds/governance_helloworld_all_enable.smime"),
                    "--permissions-ca", v("fastdds/maincacert.pem"), "--subject", subject, "--domain", "0", "--at", "2026-11-22T12:00:00Z"};
            String[] all = new String[base.length + more.length];
            System.arraycopy(base, 0, all, 0, base.length);
            System.arraycopy(more, 0, all, base.length, more.length);
            return run(all);
        }

        @Test
        void printsExactlyAllowOrDenyThenTheRuleAndExitsZeroEitherWay() {
            Run allow = decide("--publish", "--topic", "HelloWorldTopic_1");
            assertThat(allow.code()).isZero();
            assertThat(allow.out().lines().toList()).hasSize(2);
            assertThat(allow.firstLine()).isEqualTo("ALLOW");
            assertThat(allow.out().lines().toList().get(1)).startsWith("allow_rule #1 of grant \"PublisherPermissions\"");
            Run deny = decide("--subscribe", "--topic", "HelloWorldTopic_1");
            assertThat(deny.code()).isZero();
            assertThat(deny.firstLine()).isEqualTo("DENY");
            assertThat(deny.out().lines().toList().get(1)).startsWith("<default>DENY</default>");
            assertThat(decide("--join").firstLine()).isEqualTo("ALLOW");
            assertThat(decide("--publish", "--topic", "Unruled").out()).contains("no topic_rule matches");
        }

        @Test
        void partitionsAndDataTags() {
            String[] base = {"decide", "--permissions", v("fastdds/permissions_helloworld_partitions_dds_sec.xml"), "--subject", PUB,
                    "--domain", "0", "--at", "2026-11-22T12:00:00Z", "--publish", "--topic", "HelloWorldTopic_a"};
            assertThat(run(concat(base, "--partition", "Partition1", "--partition", "Partition2")).firstLine()).isEqualTo("ALLOW");
            assertThat(run(concat(base, "--partition", "Partition1", "--partition", "Other")).firstLine()).isEqualTo("DENY");
            assertThat(run(base).firstLine()).isEqualTo("DENY");
            assertThat(run(concat(base, "--partition", "Partition1", "--data-tag", "a=b")).firstLine()).isEqualTo("DENY");
            Run badTag = run(concat(base, "--data-tag", "novalue"));
            assertThat(badTag.code()).isEqualTo(1);
            assertThat(badTag.err()).contains("novalue");
        }

        @Test
        void exitsOneOnDocumentsThatFailVerificationOrSchemaAndOnMissingGrants() {
            Run plainWithCa = run("decide", "--permissions", v("fastdds/permissions_helloworld_dds_sec.xml"), "--permissions-ca",
                    v("fastdds/maincacert.pem"), "--subject", PUB, "--domain", "0", "--publish", "--topic", "t");
            assertThat(plainWithCa.code()).isEqualTo(1);
            assertThat(plainWithCa.err()).contains("not an S/MIME signed document");
            Run signedWithoutCa = run("decide", "--permissions", v("fastdds/permissions_helloworld.smime"), "--subject", PUB,
                    "--domain", "0", "--publish", "--topic", "t");
            assertThat(signedWithoutCa.code()).isEqualTo(1);
            assertThat(signedWithoutCa.err()).contains("--permissions-ca");
            Run schema = run("decide", "--permissions", v("cyclonedds/validate_local_permissions/Test_Permissions_invalid_element.p7s"),
                    "--permissions-ca", v("cyclonedds/validate_local_permissions/Test_Permissions_ca.pem"),
                    "--subject", "CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL", "--domain", "0", "--publish", "--topic", "t",
                    "--at", "2026-11-22T12:00:00Z");
            assertThat(schema.code()).isEqualTo(1);
            assertThat(schema.err()).contains("ufo");
            Run noGrant = decideAs("CN=Somebody Else", "--publish", "--topic", "HelloWorldTopic_1");
            assertThat(noGrant.code()).isEqualTo(1);
            assertThat(noGrant.err()).contains("no grant for subject \"CN=Somebody Else\"");
            Run expired = run("decide", "--permissions", v("fastdds/permissions_helloworld_dds_sec.xml"), "--subject", PUB, "--domain", "0",
                    "--publish", "--topic", "HelloWorldTopic_1", "--at", "2039-01-01T00:00:00Z");
            assertThat(expired.code()).isEqualTo(1);
            assertThat(expired.err()).contains("expired 2038-06-01");
            Run wrongGovernanceCa = run("decide", "--permissions", v("fastdds/permissions_helloworld.smime"),
                    "--governance", v("fastdds/governance_allow_unauth_all_disabled_access_none_other_ca.smime"),
                    "--permissions-ca", v("fastdds/maincacert.pem"), "--subject", PUB, "--domain", "0", "--join", "--at", "2026-11-22T12:00:00Z");
            assertThat(wrongGovernanceCa.code()).isEqualTo(1);
            assertThat(wrongGovernanceCa.err()).contains("governance_allow_unauth_all_disabled_access_none_other_ca.smime");
        }

        @Test
        void usageErrorsExitTwo() {
            assertThat(decide("--publish").code()).isEqualTo(2);
            assertThat(decide().code()).isEqualTo(2);
            assertThat(decide("--publish", "--subscribe", "--topic", "t").code()).isEqualTo(2);
        }

        private String[] concat(String[] a, String... b) {
            String[] all = new String[a.length + b.length];
            System.arraycopy(a, 0, all, 0, a.length);
            System.arraycopy(b, 0, all, a.length, b.length);
            return all;
        }
    }
}
