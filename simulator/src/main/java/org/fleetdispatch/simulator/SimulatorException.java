package org.fleetdispatch.simulator;

/** The simulator could not start or run, e.g. the broker is unreachable. */
public class SimulatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
