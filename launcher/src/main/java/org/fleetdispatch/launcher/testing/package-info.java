/**
 * The embedded servers for the build's own tests, started once per test JVM before any test runs.
 *
 * <p>A test module registers {@link org.fleetdispatch.launcher.testing.EmbeddedServicesListener} as a
 * JUnit {@code LauncherSessionListener} and sets {@code FLEETDISPATCH_DB_URL} and
 * {@code FLEETDISPATCH_MQTT_URI} for its test JVM (the build picks free ports). The listener starts the
 * servers those variables name; the Payara processes the tests start inherit the same variables, so the
 * application under test is configured exactly as in production.
 */
package org.fleetdispatch.launcher.testing;
