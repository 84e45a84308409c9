package org.fleetdispatch.keystore.error;

/** A subject for which a permissions document holds no usable grant. */
public final class GrantException extends KeystoreException {

    /** Why no grant applies. */
    public enum Reason {
        /** No grant's subject_name matches the subject. */
        NO_GRANT,
        /** The grant's validity starts after the instant of the decision. */
        NOT_YET_VALID,
        /** The grant's validity ended before the instant of the decision. */
        EXPIRED
    }

    private final Reason reason;

    public GrantException(String document, String subject, Reason reason, String detail) {
        super(document, subject, detail, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
