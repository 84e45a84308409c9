package org.fleetdispatch.dispatch;

/** A spec that breaks a rule of the domain; the message names the field. */
public class InvalidSpecException extends DispatchException {

    public InvalidSpecException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "INVALID_SPEC";
    }
}
