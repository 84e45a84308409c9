/**
 * The REST API, compatible with Isaac Mission Dispatch's paths and JSON (snake_case, flat objects
 * with a {@code status}); errors are RFC 9457 problem details that also carry IMD's {@code message}
 * and {@code error_code} (USAGE/SERVER), with our precise reason in {@code code}.
 *
 * <p>Resources translate between JSON and service calls and nothing else: no persistence, no MQTT
 * here. A write runs through {@link org.fleetdispatch.watch.ChangeAttribution} so that its change
 * notifications name the caller's {@code publisher_id}. The JSON records live in
 * {@code org.fleetdispatch.api.json}, the watch streams in {@code org.fleetdispatch.api.watch}.
 */
package org.fleetdispatch.api;
