/**
 * Inbound side and the resource adapter itself: the activation spec of message-driven beans, one
 * subscription per activation, the ordered lanes that deliver to endpoints, retries and dead letters.
 *
 * <p>The rule this package exists to keep: a QoS 1 message is acknowledged to the broker only after
 * the endpoint's {@code onMessage} returned and its transaction committed, or after the message was
 * dead-lettered. Nothing is acknowledged early, nothing is dropped. Nothing here knows about missions
 * or VDA 5050.
 */
package org.fleetdispatch.mqtt.inbound;
