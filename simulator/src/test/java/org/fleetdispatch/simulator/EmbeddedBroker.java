package org.fleetdispatch.simulator;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MQTT 5 broker (HiveMQ CE, embedded) on a free port of 127.0.0.1, started once for the whole test run
 * and stopped when JUnit closes its root store. Use with {@code @ExtendWith(EmbeddedBroker.class)} and
 * {@link #uri()}.
 */
public final class EmbeddedBroker implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    private static EmbeddedBroker running;

    private final Path folder;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    private EmbeddedBroker() throws Exception {
        folder = Files.createTempDirectory("hivemq-test");
        port = freePort();
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener>
                      <port>%d</port>
                      <bind-address>127.0.0.1</bind-address>
                    </tcp-listener>
                  </listeners>
                  <persistence>
                    <mode>in-memory</mode>
                  </persistence>
                  <anonymous-usage-statistics>
                    <enabled>false</enabled>
                  </anonymous-usage-statistics>
                </hivemq>
                """.formatted(port), StandardCharsets.UTF_8);
        hivemq = build();
        hivemq.start().join();
    }

    private EmbeddedHiveMQ build() {
        return EmbeddedHiveMQ.builder().withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(folder.resolve("data")).withExtensionsFolder(folder.resolve("extensions"))
                .withoutLoggingBootstrap().build();
    }

    /** The running broker's URI, e.g. tcp://127.0.0.1:41234. */
    public static String uri() {
        if (running == null) {
            throw new IllegalStateException("no broker: annotate the test with @ExtendWith(EmbeddedBroker.class)");
        }
        return "tcp://127.0.0.1:" + running.port;
    }

    /** Stops the broker (every client loses its connection), then starts it again on the same port. */
    public static void restart(Runnable whileDown) {
        EmbeddedBroker broker = running;
        if (broker == null) {
            throw new IllegalStateException("no broker running");
        }
        broker.hivemq.stop().join();
        try {
            broker.hivemq.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the broker: " + e, e);
        }
        whileDown.run();
        // a stopped embedded HiveMQ cannot start again (its metrics stay registered): a new one, same port
        broker.hivemq = broker.build();
        broker.hivemq.start().join();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (EmbeddedBroker.class) {
            if (running == null) {
                EmbeddedBroker broker = new EmbeddedBroker();
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(EmbeddedBroker.class, broker);
                running = broker;
            }
        }
    }

    @Override
    public void close() throws Exception {
        synchronized (EmbeddedBroker.class) {
            running = null;
        }
        try {
            hivemq.stop().join();
            hivemq.close();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
