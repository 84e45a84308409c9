package org.fleetdispatch.dispatch;

import jakarta.ejb.ApplicationException;

/**
 * A request the dispatcher refuses, with a stable error code clients can switch on. Rolls the
 * transaction back and reaches the caller as itself, not wrapped in an {@code EJBException}.
 */
@ApplicationException(rollback = true)
public abstract class DispatchException extends RuntimeException {

    protected DispatchException(String message) {
        super(message);
    }

    /** Stable, machine-readable: e.g. {@code ROBOT_ALREADY_EXISTS}. */
    public abstract String errorCode();
}
