package org.fleetdispatch.keystore.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.fleetdispatch.keystore.pki.Pem;

/**
 * The shared interoperability vectors (certificates, CRLs, signed documents, schemas, policies
 * from the Fast-DDS, Cyclone DDS and SROS 2 test suites), read in place from
 * {@code <checkout>/../shared/vectors} (ADR 0021). A test that needs them fails, saying where it
 * looked, when they are absent.
 */
public final class Vectors {

    /** The day the vectors' README states its expected results for. */
    public static final Instant DAY = Instant.parse("2026-11-22T12:00:00Z");

    private static Path root;

    private Vectors() {
    }

    public static synchronized Path root() {
        if (root == null) {
            root = locate();
        }
        return root;
    }

    private static Path locate() {
        String configured = System.getProperty("fleetdispatch.vectors");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        // Without the Maven property (e.g. an IDE run), look beside every ancestor of the working directory.
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("vectors");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return candidate;
            }
        }
        return fail("interop vectors not found: expected them at " + configured
                + " (-Dfleetdispatch.vectors) or at <checkout>/../shared/vectors; see docs/adr/0021");
    }

    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            fail("interop vector " + relative + " missing from " + root());
        }
        return p;
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static X509Certificate cert(String relative) {
        return Pem.readCertificate(path(relative));
    }

    public static List<X509Certificate> certs(String relative) {
        return Pem.readCertificates(path(relative));
    }
}
