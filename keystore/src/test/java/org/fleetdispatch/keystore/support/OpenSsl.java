package org.fleetdispatch.keystore.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code openssl} binary (Debian package {@code openssl}) for interoperability tests in
 * both directions. Absent binary: the test fails saying so.
 */
public final class OpenSsl {

    /** Exit code and output of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private OpenSsl() {
    }

    public static Result run(Path workDir, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary());
        cmd.addAll(List.of(args));
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
            Path out = Files.createTempFile(workDir, "openssl", ".out");
            Path err = Files.createTempFile(workDir, "openssl", ".err");
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(devNull()));
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("openssl " + String.join(" ", args) + " did not finish within 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(err, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return fail("cannot run openssl: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    /** Runs and requires success. */
    public static Result ok(Path workDir, String... args) {
        Result r = run(workDir, args);
        if (!r.ok()) {
            fail("openssl " + String.join(" ", args) + " failed (" + r.exitCode() + "): " + r.stderr());
        }
        return r;
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }

    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, "openssl");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return fail("the openssl binary is not on PATH; install the Debian package 'openssl' to run the interop tests");
    }
}
