package org.fleetdispatch.keystore.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.fleetdispatch.keystore.support.TestPki;
import org.fleetdispatch.keystore.support.Vectors;
import org.junit.jupiter.api.Test;

class KeyPolicyTest {

    @Test
    void allowsP256AndRsa2048Only() {
        assertThat(KeyPolicy.refusal(TestPki.p256().getPublic())).isEmpty();
        assertThat(KeyPolicy.refusal(TestPki.rsa(2048).getPublic())).isEmpty();
        assertThat(KeyPolicy.refusal(TestPki.rsa(3072).getPublic())).hasValueSatisfying(r -> assertThat(r).contains("RSA-3072"));
        assertThat(KeyPolicy.refusal(TestPki.ec("secp384r1").getPublic())).hasValueSatisfying(r -> assertThat(r).contains("P-256"));
    }

    @Test
    void refusesTheVectorsWeakKeys() {
        assertThat(KeyPolicy.refusal(Vectors.cert("cyclonedds/validate_local_identity/identity_certificate_1024key").getPublicKey()))
                .hasValueSatisfying(r -> assertThat(r).contains("RSA-1024"));
        assertThat(KeyPolicy.refusal(Vectors.cert("cyclonedds/validate_local_identity/ec_identity_certificate_unsupported").getPublicKey()))
                .hasValueSatisfying(r -> assertThat(r).contains("192-bit"));
        assertThat(KeyPolicy.refusal(Vectors.cert("cyclonedds/validate_local_identity/identity_certificate").getPublicKey())).isEmpty();
        assertThat(KeyPolicy.refusal(Vectors.cert("fastdds/mainpubcert.pem").getPublicKey())).isEmpty();
    }
}
