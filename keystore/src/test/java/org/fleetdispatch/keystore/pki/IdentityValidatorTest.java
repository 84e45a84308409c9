package org.fleetdispatch.keystore.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.fleetdispatch.keystore.error.CertificateValidationException;
import org.fleetdispatch.keystore.error.CertificateValidationException.Reason;
import org.fleetdispatch.keystore.support.TestPki;
import org.fleetdispatch.keystore.support.TestPki.Party;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityValidatorTest {

    private static final Instant AT = Vectors.DAY;
    private static final String CY = "cyclonedds/validate_local_identity/";

    private static X509Certificate v(String path) {
        return Vectors.cert(path);
    }

    private static List<X509CRL> crl(String path) {
        return Pem.readCrls(Vectors.path(path));
    }

    private static IdentityValidator trusting(X509Certificate... cas) {
        return IdentityValidator.builder().trust(List.of(cas)).build();
    }

    private static Reason reason(Runnable r) {
        try {
            r.run();
        } catch (CertificateValidationException e) {
            return e.reason();
        }
        throw new AssertionError("validation unexpectedly succeeded");
    }

    @Nested
    class CycloneDdsVectors {

        @Test
        void chainThroughAnIntermediateValidatesWithRootAndIntermediate() {
            X509Certificate root = v(CY + "trusted_ca_dir/root_CA_RSA.crt");
            X509Certificate mid = v(CY + "Identity_CA_Test_With_Chain.crt");
            X509Certificate bob = v(CY + "Bob_Chain_Test.crt");
            IdentityValidation ok = IdentityValidator.builder().trust(root).intermediates(List.of(mid)).build()
                    .validate(bob, List.of(), AT);
            assertThat(ok.path()).containsExactly(bob, mid, root);
            // The chain may also come with the certificate, as cert.pem carries it.
            assertThat(trusting(root).validate(List.of(bob, mid), AT).anchor()).isEqualTo(root);
        }

        @Test
        void chainFailsWithTheRootAlone() {
            X509Certificate root = v(CY + "trusted_ca_dir/root_CA_RSA.crt");
            assertThatThrownBy(() -> trusting(root).validate(v(CY + "Bob_Chain_Test.crt"), List.of(), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ISSUER))
                    .hasMessageContaining("CN=Bob Chain Test")
                    .hasMessageContaining("Identity CA Test With Chain");
        }

        @Test
        void anIntermediateMayBeTheTrustAnchor() {
            X509Certificate mid = v(CY + "Identity_CA_Test_With_Chain.crt");
            assertThat(trusting(mid).validate(v(CY + "Bob_Chain_Test.crt"), List.of(), AT).path()).hasSize(2);
        }

        @Test
        void ecAndRsaIdentitiesValidateAgainstTheirCas() {
            assertThat(trusting(v(CY + "ec_identity_ca")).validate(v(CY + "ec_identity_certificate"), List.of(), AT).warnings()).isEmpty();
            assertThat(trusting(v(CY + "identity_ca")).validate(v(CY + "identity_certificate"), List.of(), AT).subject())
                    .isEqualTo(DistinguishedName.parse("CN=CHAM500 cert,O=Internet Widgits Pty Ltd,ST=Some-State,C=NL"));
        }

        @Test
        void crlRevokesOnlyTheListedSerial() {
            IdentityValidator withCrl = IdentityValidator.builder().trust(v(CY + "identity_ca")).crls(crl(CY + "crl")).build();
            assertThat(withCrl.validate(v(CY + "identity_certificate"), List.of(), AT).warnings()).isEmpty();
            assertThatThrownBy(() -> withCrl.validate(v(CY + "revoked_identity_certificate"), List.of(), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REVOKED))
                    .hasMessageContaining("CN=CHAM501 cert")
                    .hasMessageContaining("revoked");
            // Without the CRL the same certificate chains fine.
            assertThat(trusting(v(CY + "identity_ca")).validate(v(CY + "revoked_identity_certificate"), List.of(), AT).path()).hasSize(2);
        }

        @Test
        void aCertificateSignedByAnotherKeyUnderTheCasNameHasABadSignature() {
            assertThat(reason(() -> trusting(v(CY + "identity_ca")).validate(v(CY + "identity_certificate_1024key"), List.of(), AT)))
                    .isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void unknownIssuersAreRefused() {
            assertThat(reason(() -> trusting(v(CY + "identity_ca")).validate(v(CY + "invalid_identity_certificate"), List.of(), AT)))
                    .isEqualTo(Reason.UNKNOWN_ISSUER);
            assertThat(reason(() -> trusting(v(CY + "unrelated_identity_ca")).validate(v(CY + "identity_certificate"), List.of(), AT)))
                    .isEqualTo(Reason.UNKNOWN_ISSUER);
            assertThat(reason(() -> trusting(v(CY + "identity_ca")).validate(v(CY + "ec_identity_certificate_unsupported"), List.of(), AT)))
                    .isEqualTo(Reason.UNKNOWN_ISSUER);
        }
    }

    @Nested
    class FastDdsVectors {

        private final X509Certificate main = v("fastdds/maincacert.pem");

        @Test
        void mainPublisherValidatesAgainstTheMainCaOnly() {
            assertThat(trusting(main).validate(v("fastdds/mainpubcert.pem"), List.of(), AT).anchor()).isEqualTo(main);
            assertThat(reason(() -> trusting(v("fastdds/othercacert.pem")).validate(v("fastdds/mainpubcert.pem"), List.of(), AT)))
                    .isEqualTo(Reason.UNKNOWN_ISSUER);
        }

        @Test
        void aCaWithTheSameNameButAnotherKeyIsNotTheIssuer() {
            assertThat(reason(() -> trusting(v("fastdds/seccacert.pem")).validate(v("fastdds/mainpubcert.pem"), List.of(), AT)))
                    .isEqualTo(Reason.BAD_SIGNATURE);
        }

        @Test
        void alternativeCasEachValidateTheirOwnIdentities() {
            IdentityValidator both = trusting(main, v("fastdds/othercacert.pem"));
            assertThat(both.validate(v("fastdds/mainpubcert.pem"), List.of(), AT).anchor()).isEqualTo(main);
            assertThat(both.validate(v("fastdds/othersubcert.pem"), List.of(), AT).anchor()).isEqualTo(v("fastdds/othercacert.pem"));
        }

        @Test
        void expiredCertificatesFailAtTheInstantAndPassBefore() {
            assertThatThrownBy(() -> trusting(main).validate(v("fastdds/expiredpubcert.pem"), List.of(), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
                    .hasMessageContaining("Expired Publisher").hasMessageContaining("2017-09-07");
            assertThat(trusting(main).validate(v("fastdds/expiredpubcert.pem"), List.of(), Instant.parse("2017-09-06T12:00:00Z")).path()).hasSize(2);
            assertThat(reason(() -> trusting(main).validate(v("fastdds/modifiablesubcert.pem"), List.of(), AT))).isEqualTo(Reason.EXPIRED);
        }

        @Test
        void notYetValidBeforeNotBefore() {
            assertThat(reason(() -> trusting(main).validate(v("fastdds/mainpubcert.pem"), List.of(), Instant.parse("2010-01-01T00:00:00Z"))))
                    .isEqualTo(Reason.NOT_YET_VALID);
        }

        @Test
        void revokedWhileTheCrlWasCurrentAndStillRevokedOnceItIsStale() {
            IdentityValidator v = IdentityValidator.builder().trust(main).crls(crl("fastdds/maincrl.pem")).build();
            assertThat(reason(() -> v.validate(v("fastdds/revokedpubcert.pem"), List.of(), Instant.parse("2018-01-01T00:00:00Z"))))
                    .isEqualTo(Reason.REVOKED);
            assertThat(reason(() -> v.validate(v("fastdds/revokedpubcert.pem"), List.of(), AT))).isEqualTo(Reason.REVOKED);
        }

        @Test
        void aStaleCrlFailsByDefaultAndIsReportedUnderTheWarnPolicy() {
            IdentityValidator strict = IdentityValidator.builder().trust(main).crls(crl("fastdds/maincrl.pem")).build();
            assertThat(strict.validate(v("fastdds/mainpubcert.pem"), List.of(), Instant.parse("2018-01-01T00:00:00Z")).warnings()).isEmpty();
            assertThatThrownBy(() -> strict.validate(v("fastdds/mainpubcert.pem"), List.of(), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.STALE_CRL))
                    .hasMessageContaining("nextUpdate 2018-09-06");
            IdentityValidator lenient = IdentityValidator.builder().trust(main).crls(crl("fastdds/maincrl.pem"))
                    .staleCrl(IdentityValidator.StaleCrlPolicy.WARN).build();
            assertThat(lenient.validate(v("fastdds/mainpubcert.pem"), List.of(), AT).warnings())
                    .singleElement().asString().contains("stale").contains("eProsima Main Test CA");
        }

        @Test
        void eachCrlIsUsedOnlyForItsOwnIssuer() {
            IdentityValidator v = IdentityValidator.builder()
                    .trust(List.of(main, Vectors.cert(CY + "identity_ca")))
                    .crls(crl("fastdds/maincrl.pem")).crls(crl(CY + "crl"))
                    .build();
            // The stale Fast-DDS CRL says nothing about CHAM500's certificates ...
            assertThat(v.validate(v(CY + "identity_certificate"), List.of(), AT).warnings()).isEmpty();
            // ... CHAM500's CRL revokes its own ...
            assertThat(reason(() -> v.validate(v(CY + "revoked_identity_certificate"), List.of(), AT))).isEqualTo(Reason.REVOKED);
            // ... and the stale one still governs the main CA's.
            assertThat(reason(() -> v.validate(v("fastdds/mainpubcert.pem"), List.of(), AT))).isEqualTo(Reason.STALE_CRL);
        }
    }

    @Nested
    class ChainRules {

        private final Party root = TestPki.root("CN=root");

        @Test
        void refusesKeyTypesDdsSecurityDoesNotAllow() {
            Party weak = TestPki.leaf("CN=weak", root, TestPki.rsa(1024), TestPki.FROM, TestPki.TO);
            assertThatThrownBy(() -> trusting(root.cert()).validate(weak.cert(), List.of(), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_KEY))
                    .hasMessageContaining("RSA-1024");
            Party p384 = TestPki.leaf("CN=p384", root, TestPki.ec("secp384r1"), TestPki.FROM, TestPki.TO);
            assertThat(reason(() -> trusting(root.cert()).validate(p384.cert(), List.of(), AT))).isEqualTo(Reason.UNSUPPORTED_KEY);
            Party rsa = TestPki.leaf("CN=rsa", root, TestPki.rsa(2048), TestPki.FROM, TestPki.TO);
            assertThat(trusting(root.cert()).validate(rsa.cert(), List.of(), AT).path()).hasSize(2);
        }

        @Test
        void anIssuerMustBeACa() {
            Party notCa = TestPki.leaf("CN=not a ca", root);
            Party below = TestPki.leaf("CN=below", notCa);
            assertThatThrownBy(() -> trusting(root.cert()).validate(below.cert(), List.of(notCa.cert()), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_A_CA))
                    .hasMessageContaining("CN=not a ca");
        }

        @Test
        void pathLengthConstraintsHold() {
            Party mid1 = TestPki.intermediate("CN=mid1", root, 0);
            Party mid2 = TestPki.intermediate("CN=mid2", mid1, 0);
            Party leaf = TestPki.leaf("CN=leaf", mid2);
            assertThat(reason(() -> trusting(root.cert()).validate(leaf.cert(), List.of(mid2.cert(), mid1.cert()), AT)))
                    .isEqualTo(Reason.NOT_A_CA);
            Party ok = TestPki.leaf("CN=ok", mid1);
            assertThat(trusting(root.cert()).validate(ok.cert(), List.of(mid1.cert()), AT).path()).hasSize(3);
        }

        @Test
        void anIssuerWhoseKeyUsageForbidsCertSigningIsRefused() {
            KeyPair k = TestPki.p256();
            X500Name n = new X500Name("CN=signing only");
            X509Certificate mid = TestPki.cert(n, k.getPublic(), root.name(), root.key(), TestPki.FROM, TestPki.TO, 0,
                    new KeyUsage(KeyUsage.digitalSignature));
            Party midParty = new Party(n, k, mid);
            Party leaf = TestPki.leaf("CN=leaf", midParty);
            assertThat(reason(() -> trusting(root.cert()).validate(leaf.cert(), List.of(mid), AT))).isEqualTo(Reason.NOT_A_CA);
        }

        @Test
        void anExpiredIntermediateOrRootFailsNamingIt() {
            KeyPair k = TestPki.p256();
            X500Name n = new X500Name("CN=old mid");
            X509Certificate oldMid = TestPki.cert(n, k.getPublic(), root.name(), root.key(), TestPki.FROM,
                    Instant.parse("2026-01-01T00:00:00Z"), 0, null);
            Party leaf = TestPki.leaf("CN=leaf", new Party(n, k, oldMid));
            assertThatThrownBy(() -> trusting(root.cert()).validate(leaf.cert(), List.of(oldMid), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED))
                    .hasMessageContaining("CN=old mid");
        }

        @Test
        void aSelfSignedCertificateThatIsNotTrustedIsRefused() {
            Party stranger = TestPki.root("CN=stranger");
            assertThatThrownBy(() -> trusting(root.cert()).validate(stranger.cert(), List.of(), AT))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_ISSUER))
                    .hasMessageContaining("self-signed");
        }

        @Test
        void aCrlUnderTheIssuersNameButAnotherKeyIsIgnoredAndReported() {
            Party leaf = TestPki.leaf("CN=leaf", root);
            Party impostor = TestPki.root("CN=root");
            X509CRL forged = TestPki.crl(impostor.name(), impostor.key(), TestPki.FROM, TestPki.TO, leaf.cert());
            IdentityValidation v = IdentityValidator.builder().trust(root.cert()).crls(List.of(forged)).build()
                    .validate(leaf.cert(), List.of(), AT);
            assertThat(v.warnings()).singleElement().asString().contains("not signed by that CA's key");
        }

        @Test
        void crlsOfIntermediatesApplyToWhatTheyIssue() {
            Party mid = TestPki.intermediate("CN=mid", root, 0);
            Party leaf = TestPki.leaf("CN=leaf", mid);
            X509CRL midCrl = TestPki.crl(mid.name(), mid.key(), TestPki.FROM, TestPki.TO, leaf.cert());
            X509CRL rootCrl = TestPki.crl(root.name(), root.key(), TestPki.FROM, TestPki.TO, leaf.cert());
            // The root's CRL lists the leaf's serial, but the root did not issue the leaf: not revoked.
            assertThat(IdentityValidator.builder().trust(root.cert()).crls(List.of(rootCrl)).build()
                    .validate(leaf.cert(), List.of(mid.cert()), AT).path()).hasSize(3);
            assertThat(reason(() -> IdentityValidator.builder().trust(root.cert()).crls(List.of(midCrl)).build()
                    .validate(leaf.cert(), List.of(mid.cert()), AT))).isEqualTo(Reason.REVOKED);
            // A revoked intermediate takes its leaves with it.
            X509CRL midRevoked = TestPki.crl(root.name(), root.key(), TestPki.FROM, TestPki.TO, mid.cert());
            assertThatThrownBy(() -> IdentityValidator.builder().trust(root.cert()).crls(List.of(midRevoked)).build()
                    .validate(leaf.cert(), List.of(mid.cert()), AT)).hasMessageContaining("CN=mid");
        }

        @Test
        void needsAtLeastOneTrustedCa() {
            assertThatThrownBy(() -> IdentityValidator.builder().build()).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
