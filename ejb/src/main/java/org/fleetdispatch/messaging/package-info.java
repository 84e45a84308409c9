/**
 * The application's side of MQTT: message-driven beans that turn inbound VDA 5050 messages into
 * service calls, and the relay that publishes the outbox.
 *
 * <p>MDBs stay thin: decode, reject what is malformed (logged, counted, never thrown back at the
 * adapter, which would retry a message that can never succeed), hand the rest to one service. They
 * run in the container's transaction, or (the state bean) call a service that commits its own before
 * returning, so the adapter acknowledges a message to the broker only after its effects are committed.
 *
 * <p>The relay gets committed outbox messages handed over in memory and reads the outbox table only
 * after a start or a failure ({@link org.fleetdispatch.messaging.HandOff}).
 */
package org.fleetdispatch.messaging;
