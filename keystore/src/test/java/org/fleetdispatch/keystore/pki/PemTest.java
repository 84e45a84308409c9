package org.fleetdispatch.keystore.pki;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import org.fleetdispatch.keystore.error.KeyMaterialException;
import org.fleetdispatch.keystore.support.OpenSsl;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {

    @TempDir
    Path dir;

    @Test
    void writesUnencryptedPkcs8AsSros2Does() {
        KeyPair k = CertificateAuthority.generateKeyPair();
        String pem = Pem.privateKey(k.getPrivate(), null);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(CertificateAuthority.keyMatches(k.getPublic(), Pem.readPrivateKey(pem.getBytes(US_ASCII), "k", null))).isTrue();
    }

    @Test
    void encryptedPkcs8RoundTripsAndOpenSslReadsIt() throws Exception {
        KeyPair k = CertificateAuthority.generateKeyPair();
        String pem = Pem.privateKey(k.getPrivate(), "s3cret".toCharArray());
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----").doesNotContain("s3cret");
        PrivateKey back = Pem.readPrivateKey(pem.getBytes(US_ASCII), "k", "s3cret".toCharArray());
        assertThat(CertificateAuthority.keyMatches(k.getPublic(), back)).isTrue();

        Files.writeString(dir.resolve("k.pem"), pem);
        OpenSsl.Result r = OpenSsl.ok(dir, "pkey", "-in", "k.pem", "-passin", "pass:s3cret", "-noout", "-text");
        assertThat(r.stdout()).contains("prime256v1");
        String params = OpenSsl.ok(dir, "asn1parse", "-in", "k.pem").stdout();
        assertThat(params).contains("PBKDF2").contains("hmacWithSHA256").contains("aes-256-cbc");
        assertThat(OpenSsl.run(dir, "pkey", "-in", "k.pem", "-passin", "pass:wrong", "-noout").ok()).isFalse();
    }

    @Test
    void readsAnOpenSslEncryptedKey() {
        OpenSsl.ok(dir, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes-256-cbc", "-pass", "pass:pw", "-out", "k.pem");
        PrivateKey key = Pem.readPrivateKey(dir.resolve("k.pem"), "pw".toCharArray());
        assertThat(key.getAlgorithm()).isIn("EC", "ECDSA");
    }

    @Test
    void wrongOrMissingPasswordIsAPreciseFailure() {
        String pem = Pem.privateKey(CertificateAuthority.generateKeyPair().getPrivate(), "right".toCharArray());
        assertThatThrownBy(() -> Pem.readPrivateKey(pem.getBytes(US_ASCII), "ca.key.pem", "wrong".toCharArray()))
                .isInstanceOf(KeyMaterialException.class).hasMessageStartingWith("ca.key.pem: cannot decrypt");
        assertThatThrownBy(() -> Pem.readPrivateKey(pem.getBytes(US_ASCII), "ca.key.pem", null))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("no password was given");
    }

    @Test
    void readsTheVectorsKeysInTheirFormats() {
        // SEC 1 "EC PRIVATE KEY" and PKCS#1 "RSA PRIVATE KEY" as the DDS test suites ship them.
        PrivateKey ec = Pem.readPrivateKey(Vectors.path("fastdds/mainpubkey.pem"), null);
        assertThat(CertificateAuthority.keyMatches(Vectors.cert("fastdds/mainpubcert.pem").getPublicKey(), ec)).isTrue();
        PrivateKey rsa = Pem.readPrivateKey(Vectors.path("cyclonedds/validate_local_identity/private_key"), null);
        assertThat(CertificateAuthority.keyMatches(Vectors.cert("cyclonedds/validate_local_identity/identity_certificate").getPublicKey(), rsa)).isTrue();
    }

    @Test
    void readsChainsAndCrls() {
        assertThat(Pem.readCertificates(Vectors.path("fastdds/chainedcacert.pem"))).hasSize(2);
        assertThat(Pem.readCrls(Vectors.path("fastdds/maincrl.pem"))).hasSize(1);
    }

    @Test
    void somethingElseIsNotAPemFile() throws Exception {
        Files.writeString(dir.resolve("x.pem"), "<dds/>");
        assertThatThrownBy(() -> Pem.readCertificates(dir.resolve("x.pem")))
                .isInstanceOf(KeyMaterialException.class).hasMessageContaining("x.pem").hasMessageContaining("no PEM certificate");
        assertThatThrownBy(() -> Pem.readCrls(dir.resolve("x.pem"))).isInstanceOf(KeyMaterialException.class);
        assertThatThrownBy(() -> Pem.readPrivateKey(dir.resolve("x.pem"), null)).isInstanceOf(KeyMaterialException.class);
        assertThatThrownBy(() -> Pem.readCertificates(dir.resolve("absent.pem"))).isInstanceOf(KeyMaterialException.class)
                .hasMessageContaining("absent.pem");
    }
}
