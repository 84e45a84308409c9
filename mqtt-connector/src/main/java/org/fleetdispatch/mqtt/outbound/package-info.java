/**
 * Outbound side: the managed connection factory that owns one shared Paho client, managed
 * connections that are pooled views of it, and the handles applications publish through.
 *
 * <p>Publishing blocks until the broker acknowledged the message or the factory's publish timeout
 * passed; failures are {@link jakarta.resource.ResourceException}s naming the broker URI and the
 * reason. Publishing is not transactional: the application publishes after its transaction committed
 * (the outbox relay). Nothing here knows about inbound endpoints.
 */
package org.fleetdispatch.mqtt.outbound;
