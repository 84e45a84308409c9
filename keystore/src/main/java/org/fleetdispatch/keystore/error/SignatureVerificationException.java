package org.fleetdispatch.keystore.error;

/** A signed (S/MIME) governance or permissions document that must not be trusted. */
public final class SignatureVerificationException extends KeystoreException {

    /** Why the document was refused. */
    public enum Reason {
        /** Not an S/MIME multipart/signed message at all, e.g. plain XML. */
        NOT_SIGNED,
        /** An S/MIME envelope whose MIME structure or PKCS#7 content cannot be read. */
        MALFORMED,
        /** The content does not hash to the digest the signer signed: altered after signing. */
        DIGEST_MISMATCH,
        /** The signer is not the configured Permissions CA (another CA, or a certificate it issued). */
        SIGNER_NOT_PERMISSIONS_CA,
        /** The signature does not verify with the Permissions CA's public key. */
        BAD_SIGNATURE,
        /** The Permissions CA certificate is not valid at the instant of verification. */
        SIGNER_NOT_VALID
    }

    private final Reason reason;

    public SignatureVerificationException(String document, Reason reason, String detail) {
        this(document, reason, detail, null);
    }

    public SignatureVerificationException(String document, Reason reason, String detail, Throwable cause) {
        super(document, null, detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
