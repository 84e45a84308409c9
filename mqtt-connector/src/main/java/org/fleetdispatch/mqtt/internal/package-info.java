/**
 * Plumbing shared by the inbound and outbound sides: settings parsing and validation, placeholder
 * resolution, PEM-based TLS, backoff, the reconnecting Paho client, and conversions between Paho
 * messages and the API types.
 *
 * <p>This is the only package besides {@code inbound} and {@code outbound} that may use Paho. Nothing
 * here knows about JCA endpoints or connection handles; nothing here is API.
 */
package org.fleetdispatch.mqtt.internal;
