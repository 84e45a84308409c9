package org.fleetdispatch.mqtt.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Eclipse Mosquitto as a child process on a free loopback port, with a generated configuration and
 * persistence, so that sessions survive {@link #stop()}/{@link #start()}, and an ACL that refuses what clients
 * publish under {@link Broker#REFUSING}. Tests that use it skip (assumption) when the binary is not installed:
 * {@code apt-get install -y mosquitto}.
 */
public final class MosquittoBroker implements Broker {

    public static final String INSTALL_HINT = "mosquitto is not installed (apt-get install -y mosquitto)";

    private final Path home;
    private final int port;
    private final String uri;
    private final String listenerConf;
    private Process process;

    private MosquittoBroker(Path home, int port, String uri, String listenerConf) {
        this.home = home;
        this.port = port;
        this.uri = uri;
        this.listenerConf = listenerConf;
    }

    /** The mosquitto binary, if installed. */
    public static Optional<Path> binary() {
        return Stream.of("/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto", "/usr/bin/mosquitto",
                        "/usr/local/bin/mosquitto", "/opt/homebrew/sbin/mosquitto")
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    public static MosquittoBroker tcp(Path home) throws Exception {
        return tcp(home, Ports.free());
    }

    public static MosquittoBroker tcp(Path home, int port) throws Exception {
        MosquittoBroker b = new MosquittoBroker(home, port, "tcp://127.0.0.1:" + port, "");
        b.start();
        return b;
    }

    /** TLS with client certificates required, from PEM files. */
    public static MosquittoBroker tls(Path home, Path caPem, Path certPem, Path keyPem) throws Exception {
        int port = Ports.free();
        String conf = "cafile " + caPem.toAbsolutePath() + "\ncertfile " + certPem.toAbsolutePath() + "\nkeyfile "
                + keyPem.toAbsolutePath() + "\nrequire_certificate true\n";
        MosquittoBroker b = new MosquittoBroker(home, port, "ssl://localhost:" + port, conf);
        b.start();
        return b;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public synchronized void start() throws Exception {
        if (process != null) {
            return;
        }
        Path bin = binary().orElseThrow(() -> new IllegalStateException(INSTALL_HINT));
        Files.createDirectories(home);
        Path conf = home.resolve("mosquitto.conf");
        Path acl = Files.writeString(home.resolve("acl"), "topic readwrite #\ntopic deny " + REFUSING + "/#\n");
        Files.writeString(conf, "listener " + port + " 127.0.0.1\n" + listenerConf
                + "allow_anonymous true\nacl_file " + acl.toAbsolutePath() + "\n"
                // Run as whoever runs the tests (as root, mosquitto would switch to the user mosquitto,
                // which cannot read the test's private temporary directories).
                + "user " + System.getProperty("user.name") + "\n"
                + "persistence true\npersistence_location " + home.toAbsolutePath() + "/\n"
                + "max_queued_messages 0\nmax_inflight_messages 0\n"
                + "log_dest file " + home.toAbsolutePath().resolve("mosquitto.log") + "\n");
        process = new ProcessBuilder(bin.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("mosquitto.out").toFile())
                .start();
        Process p = process;
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("mosquitto exited with " + p.exitValue() + ", see "
                        + home.resolve("mosquitto.out"));
            }
            return accepts();
        });
    }

    private boolean accepts() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        if (process != null) {
            Process p = process;
            process = null;
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "mosquitto at " + uri;
    }
}
