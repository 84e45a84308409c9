package org.fleetdispatch.outbox;

/**
 * CDI event: a transaction added to the outbox. Observed {@code AFTER_SUCCESS}, so the relay wakes only
 * for messages that were really committed.
 */
public record OutboxWritten(String topic) {
}
