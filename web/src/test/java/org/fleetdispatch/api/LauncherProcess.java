package org.fleetdispatch.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./fleetdispatch run} in a child process, as the script starts it, with the artifacts this build
 * made. Stopping sends SIGTERM (Ctrl-C, a service manager); {@link #close()} kills the whole tree if it
 * is still there, whatever happened.
 */
final class LauncherProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofMinutes(4);

    private final Path output;
    private final Map<String, String> environment;
    private Process process;

    /**
     * @param environment the FLEETDISPATCH_* variables of the child; nothing of the test JVM's own
     *                    FLEETDISPATCH_* variables is passed unless given here
     */
    LauncherProcess(Path output, Map<String, String> environment) {
        this.output = output;
        this.environment = Map.copyOf(environment);
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "org.fleetdispatch.launcher.LauncherCommand", "run",
                "--payara-micro", System.getProperty("it.directory") + "/payara-micro.jar",
                "--rar", System.getProperty("fleetdispatch.rar"),
                "--war", System.getProperty("fleetdispatch.war")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        builder.environment().keySet().removeIf(k -> k.startsWith("FLEETDISPATCH_"));
        builder.environment().putAll(environment);
        int before = output().length();
        process = builder.start();
        try {
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .failFast("the launcher exited", () -> assertThat(process.isAlive()).as(this::output).isTrue())
                    .until(() -> output().indexOf("Fleet Dispatch is ready.", before) >= 0);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The launcher was not ready within " + STARTUP + " (threads: " + dumpThreads() + "):\n"
                    + output() + payaraLogTail(), e);
        }
    }

    /** SIGTERM, then waits until everything it started is gone. */
    void stop() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("launcher stopped: " + output()).isTrue();
    }

    /** Thread dumps of the launcher and its Java children (Payara Micro), for a start that hangs. */
    private String dumpThreads() {
        Path dump = Path.of("target", "launcher-threads-" + System.currentTimeMillis() + ".txt").toAbsolutePath();
        List<ProcessHandle> processes = new ArrayList<>(List.of(process.toHandle()));
        process.descendants().forEach(processes::add);
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (ProcessHandle p : processes) {
            if (p.info().command().orElse("").endsWith("java")) {
                try {
                    Process print = new ProcessBuilder(jcmd, Long.toString(p.pid()), "Thread.print").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.appendTo(dump.toFile())).start();
                    print.waitFor(30, TimeUnit.SECONDS);
                } catch (IOException e) {
                    return "none: " + e.getMessage();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return "interrupted";
                }
            }
        }
        return dump.toString();
    }

    /** The end of Payara Micro's log, which the launcher writes beside its data. */
    private String payaraLogTail() {
        String data = environment.get("FLEETDISPATCH_DATA_DIR");
        if (data == null) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(Path.of(data, "payara-micro.log"), StandardCharsets.UTF_8);
            return "\nPayara Micro's log ends:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
