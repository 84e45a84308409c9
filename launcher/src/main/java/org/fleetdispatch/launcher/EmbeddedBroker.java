package org.fleetdispatch.launcher;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;

/**
 * An MQTT 5 broker (HiveMQ Community Edition, embedded) on one TCP listener. It keeps sessions, queued
 * messages and retained messages in memory (ADR 0094): a restart loses them, and robots and the server
 * set them up again when they reconnect. {@code home} holds its configuration and work files.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private final Path home;
    private final String host;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    private EmbeddedBroker(Path home, String host, int port) {
        this.home = home;
        this.host = host;
        this.port = port;
    }

    /** Starts a broker listening on {@code host:port} with its configuration and data under {@code home}. */
    public static EmbeddedBroker start(Path home, String host, int port) throws IOException {
        EmbeddedBroker broker = new EmbeddedBroker(home, host, port);
        broker.writeConfiguration();
        broker.start();
        return broker;
    }

    private void writeConfiguration() throws IOException {
        Files.createDirectories(home.resolve("conf"));
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("extensions"));
        Files.writeString(home.resolve("conf/config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>%s</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port, host));
        // HiveMQ configures logback itself from this folder; without it, it logs every connection at INFO.
        Files.writeString(home.resolve("conf/logback.xml"), """
                <configuration>
                  <statusListener class="ch.qos.logback.core.status.NopStatusListener"/>
                  <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d{HH:mm:ss.SSS} [broker] %-5level %msg%n</pattern></encoder>
                  </appender>
                  <root level="WARN"><appender-ref ref="CONSOLE"/></root>
                </configuration>
                """);
    }

    /** (Re)starts the broker on the same directory and port. */
    public synchronized void start() throws IOException {
        if (hivemq != null) {
            return;
        }
        EmbeddedHiveMQ candidate = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(home.resolve("conf"))
                .withDataFolder(home.resolve("data"))
                .withExtensionsFolder(home.resolve("extensions"))
                .build();
        try {
            candidate.start().join();
        } catch (CompletionException e) {
            closeQuietly(candidate);
            throw new IOException("MQTT broker could not start on " + host + ":" + port + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        hivemq = candidate;
    }

    /** Stops the broker; {@link #start()} brings it back on the same port, empty. */
    public synchronized void stop() {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().join();
        } finally {
            closeQuietly(hivemq);
            hivemq = null;
        }
    }

    public synchronized boolean isRunning() {
        return hivemq != null;
    }

    public String uri() {
        return "tcp://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }

    private static void closeQuietly(EmbeddedHiveMQ hivemq) {
        try {
            hivemq.close();
        } catch (Exception ignored) {
            // closing after a failed start or stop: the original failure is what matters
        }
    }
}
