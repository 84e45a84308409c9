package org.fleetdispatch.keystore.error;

/** An identity certificate that does not validate against the Identity CA(s). */
public final class CertificateValidationException extends KeystoreException {

    /** Why the certificate was refused. */
    public enum Reason {
        /** No chain from the certificate to a trusted CA. */
        UNKNOWN_ISSUER,
        /** A signature in the chain does not verify with its issuer's key. */
        BAD_SIGNATURE,
        /** A certificate in the chain has expired at the instant of validation. */
        EXPIRED,
        /** A certificate in the chain is not yet valid at the instant of validation. */
        NOT_YET_VALID,
        /** A certificate in the chain is listed in its issuer's CRL. */
        REVOKED,
        /** The CRL of an issuer in the chain is past its nextUpdate: revocation status unknown. */
        STALE_CRL,
        /** A key type DDS Security does not allow (only EC P-256 and RSA-2048). */
        UNSUPPORTED_KEY,
        /** An issuing certificate that is not a CA, or whose path length is exceeded. */
        NOT_A_CA
    }

    private final Reason reason;

    public CertificateValidationException(String subject, Reason reason, String detail) {
        super("certificate " + subject, subject, detail, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
