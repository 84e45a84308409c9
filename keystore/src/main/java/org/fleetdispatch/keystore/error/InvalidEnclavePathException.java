package org.fleetdispatch.keystore.error;

/** An enclave path that breaks the ROS namespace rules the enclaves design imposes. */
public final class InvalidEnclavePathException extends KeystoreException {

    public InvalidEnclavePathException(String path, String reason) {
        super("enclave path \"" + path + "\"", path, reason, null);
    }
}
