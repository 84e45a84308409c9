/**
 * The embedded default: what {@code ./fleetdispatch run} starts on one machine.
 *
 * <p>An embedded PostgreSQL (zonky binaries), an embedded MQTT 5 broker (HiveMQ CE) and Payara Micro as
 * a child process with the resource adapter deployed first and the WAR second. Payara Micro runs as a
 * child process rather than in this JVM because it does not boot on a flat class path. Every setting
 * comes from the environment (see {@link org.fleetdispatch.launcher.Settings}); when a database or a
 * broker is configured, the external one is used and the embedded one is not started.
 *
 * <p>This module knows nothing of the application's code: it only runs the built artifacts.
 */
package org.fleetdispatch.launcher;
