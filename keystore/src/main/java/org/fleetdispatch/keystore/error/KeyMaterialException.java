package org.fleetdispatch.keystore.error;

/**
 * A key, certificate or CRL file that cannot be read or used: not PEM, wrong password, a key that
 * does not belong to its certificate, an algorithm DDS Security does not allow.
 */
public final class KeyMaterialException extends KeystoreException {

    public KeyMaterialException(String source, String reason) {
        this(source, reason, null);
    }

    public KeyMaterialException(String source, String reason, Throwable cause) {
        super(source, null, reason, cause);
    }
}
