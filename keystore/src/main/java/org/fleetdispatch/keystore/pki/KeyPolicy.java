package org.fleetdispatch.keystore.pki;

import java.math.BigInteger;
import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECParameterSpec;
import java.util.Optional;

/**
 * The key types DDS Security 1.1 (9.3.1) allows for identities and CAs: EC on prime256v1 (P-256)
 * and RSA with a 2048-bit modulus. New keys are always P-256; RSA-2048 is accepted when loading.
 */
public final class KeyPolicy {

    // Order n of secp256r1: identifies the curve independently of the provider's parameter objects.
    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private KeyPolicy() {
    }

    /** Empty when allowed, else why not (e.g. "RSA-1024 key"). */
    public static Optional<String> refusal(Key key) {
        if (key instanceof ECKey) {
            ECParameterSpec params = ((ECKey) key).getParams();
            if (params != null && P256_ORDER.equals(params.getOrder())) {
                return Optional.empty();
            }
            int bits = params == null ? -1 : params.getOrder().bitLength();
            return Optional.of("EC key on a " + bits + "-bit curve other than P-256 (prime256v1)");
        }
        if (key instanceof RSAKey) {
            int bits = ((RSAKey) key).getModulus().bitLength();
            return bits == 2048 ? Optional.empty() : Optional.of("RSA-" + bits + " key (only RSA-2048 is allowed)");
        }
        return Optional.of(key.getAlgorithm() + " key (only EC P-256 and RSA-2048 are allowed)");
    }

    /** The JCA signature algorithm a CA with this key signs with: SHA-256 always. */
    public static String signatureAlgorithm(Key key) {
        return key instanceof RSAKey ? "SHA256withRSA" : "SHA256withECDSA";
    }
}
