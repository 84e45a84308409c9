package org.fleetdispatch.launcher.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.fleetdispatch.launcher.EmbeddedBroker;
import org.fleetdispatch.launcher.EmbeddedDatabase;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the PostgreSQL and MQTT servers named by {@code FLEETDISPATCH_DB_URL} and
 * {@code FLEETDISPATCH_MQTT_URI} (both must point at 127.0.0.1) when a test session opens, and stops
 * them, deleting their data, when it closes. Does nothing unless the system property
 * {@code fleetdispatch.test.embedded} is {@code true}, so that a module's plain unit tests never pay
 * for it.
 */
public final class EmbeddedServicesListener implements LauncherSessionListener {

    private static EmbeddedDatabase database;
    private static EmbeddedBroker broker;
    private static Path scratch;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("fleetdispatch.test.embedded") || database != null) {
            return;
        }
        try {
            scratch = Files.createTempDirectory("fleetdispatch-test-");
            database = EmbeddedDatabase.start(scratch.resolve("postgres"), port("FLEETDISPATCH_DB_URL", true),
                    EmbeddedDatabase.Durability.THROWAWAY);
            broker = EmbeddedBroker.start(scratch.resolve("broker"), "127.0.0.1", port("FLEETDISPATCH_MQTT_URI", false));
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Embedded test servers did not start", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        stop();
    }

    /** The running test database. */
    public static EmbeddedDatabase database() {
        if (database == null) {
            throw new IllegalStateException("No embedded database: set -Dfleetdispatch.test.embedded=true and register "
                    + EmbeddedServicesListener.class.getName() + " as a LauncherSessionListener");
        }
        return database;
    }

    /** The running test broker; tests may stop and start it to simulate an outage. */
    public static EmbeddedBroker broker() {
        if (broker == null) {
            throw new IllegalStateException("No embedded broker: set -Dfleetdispatch.test.embedded=true and register "
                    + EmbeddedServicesListener.class.getName() + " as a LauncherSessionListener");
        }
        return broker;
    }

    private static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        if (scratch != null) {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory left behind is not worth failing a build for
            }
            scratch = null;
        }
    }

    private static int port(String variable, boolean jdbc) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set for the test JVM");
        }
        URI uri = URI.create(jdbc ? value.substring("jdbc:".length()) : value);
        if (!"127.0.0.1".equals(uri.getHost()) || uri.getPort() < 1) {
            throw new IllegalStateException(variable + "=" + value + " must name 127.0.0.1 and a port");
        }
        return uri.getPort();
    }
}
