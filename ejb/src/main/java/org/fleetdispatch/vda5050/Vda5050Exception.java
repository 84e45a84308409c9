package org.fleetdispatch.vda5050;

/** A VDA 5050 message could not be decoded or encoded. */
public abstract sealed class Vda5050Exception extends RuntimeException
        permits Vda5050FormatException, Vda5050ValidationException {

    private static final long serialVersionUID = 1L;

    protected Vda5050Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
