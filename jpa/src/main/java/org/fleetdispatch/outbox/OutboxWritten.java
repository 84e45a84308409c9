package org.fleetdispatch.outbox;

/**
 * CDI event: a message was added to the outbox in the running transaction. The relay's hand-off observes it
 * while the transaction runs, to publish the message from memory once the transaction has committed.
 */
public record OutboxWritten(OutboxMessage message) {
}
