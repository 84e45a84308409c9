package org.fleetdispatch.keystore.error;

import java.nio.file.Path;

/** A keystore directory whose layout or files are not what SROS 2 and DDS Security expect. */
public final class InvalidKeystoreException extends KeystoreException {

    public InvalidKeystoreException(Path file, String reason) {
        this(file, reason, null);
    }

    public InvalidKeystoreException(Path file, String reason, Throwable cause) {
        super(String.valueOf(file), String.valueOf(file), reason, cause);
    }
}
