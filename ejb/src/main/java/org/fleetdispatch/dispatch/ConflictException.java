package org.fleetdispatch.dispatch;

/** A request that the object's current state does not allow (cancel a completed mission …). */
public class ConflictException extends DispatchException {

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public String errorCode() {
        return "CONFLICT";
    }
}
