package org.fleetdispatch.dispatch;

/** An inbound message that can never be processed: not JSON, not the schema, not a topic we know. */
public class MalformedMessageException extends Exception {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
