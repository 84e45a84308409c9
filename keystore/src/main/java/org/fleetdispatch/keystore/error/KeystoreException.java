package org.fleetdispatch.keystore.error;

import java.util.Objects;

/**
 * Base of every failure raised by the keystore library.
 *
 * <p>Unchecked on purpose: callers either let it stop the deployment (fail closed) or translate it
 * once at a boundary (CLI exit code, HTTP problem); intermediate layers have nothing to add.
 */
public abstract class KeystoreException extends RuntimeException {

    private final String source;
    private final String offendingValue;

    protected KeystoreException(String source, String offendingValue, String reason, Throwable cause) {
        super(format(source, reason), cause);
        this.source = Objects.requireNonNull(source, "source");
        this.offendingValue = offendingValue;
    }

    private static String format(String source, String reason) {
        return source + ": " + reason;
    }

    /** The file, document, element or certificate the failure is about. */
    public String source() {
        return source;
    }

    /** The value that was refused, or {@code null} when the failure is about something missing. */
    public String offendingValue() {
        return offendingValue;
    }
}
