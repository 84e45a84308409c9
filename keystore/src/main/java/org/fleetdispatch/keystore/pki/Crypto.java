package org.fleetdispatch.keystore.pki;

import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The BouncyCastle provider and randomness the library uses, without registering them globally. */
public final class Crypto {

    /** BouncyCastle, held as an instance so the host JVM's provider list is left alone. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private Crypto() {
    }

    public static SecureRandom random() {
        return RANDOM;
    }
}
