/**
 * The REST API, compatible with Isaac Mission Dispatch's paths and JSON (snake_case, flat objects
 * with a {@code status}); errors are RFC 9457 problem details that also carry IMD's {@code message}
 * and {@code error_code}.
 *
 * <p>Resources translate between JSON and service calls and nothing else: no transactions, no
 * persistence, no MQTT here.
 */
package org.fleetdispatch.api;
