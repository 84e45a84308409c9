/**
 * Outbound MQTT messages written in the same transaction as the state change that causes them.
 *
 * <p>A service that changes a robot or a mission and must tell the robot adds an
 * {@link org.fleetdispatch.outbox.OutboxMessage} instead of publishing: if the transaction rolls back
 * the message never existed, if it commits a relay publishes it afterwards. A crash between commit and
 * publish leaves the row, which the relay sends on its next pass (at least once; robots ignore what
 * they already have by {@code headerId} and {@code orderUpdateId}).
 */
package org.fleetdispatch.outbox;
