package org.fleetdispatch.keystore.governance;

/** DDS-Security ProtectionKind (governance XSD); data_protection_kind uses the first three only. */
public enum ProtectionKind {
    NONE, SIGN, ENCRYPT, SIGN_WITH_ORIGIN_AUTHENTICATION, ENCRYPT_WITH_ORIGIN_AUTHENTICATION;

    /** Whether messages under this kind are encrypted (not just signed). */
    public boolean encrypts() {
        return this == ENCRYPT || this == ENCRYPT_WITH_ORIGIN_AUTHENTICATION;
    }

    /** Whether messages under this kind are protected at all. */
    public boolean protects() {
        return this != NONE;
    }
}
