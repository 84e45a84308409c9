package org.fleetdispatch.mqtt;

/**
 * Thrown by a listener for a message that can never be processed (not the expected format, not the
 * schema): retrying cannot help, so the adapter dead-letters it at once, with this exception's message
 * as the error, and acknowledges it. Anything else a listener throws is retried first.
 */
public class MqttMessageRejectedException extends RuntimeException {

    public MqttMessageRejectedException(String message) {
        super(message);
    }

    public MqttMessageRejectedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code failure} is, or was caused by, a rejection (containers may wrap what the bean threw). */
    public static boolean isRejection(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MqttMessageRejectedException) {
                return true;
            }
        }
        return false;
    }
}
