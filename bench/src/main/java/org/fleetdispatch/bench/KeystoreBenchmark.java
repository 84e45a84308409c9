package org.fleetdispatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fleetdispatch.keystore.AccessController;
import org.fleetdispatch.keystore.EnclavePath;
import org.fleetdispatch.keystore.Keystore;
import org.fleetdispatch.keystore.KeystoreOptions;
import org.fleetdispatch.keystore.SecureEnclave;
import org.fleetdispatch.keystore.governance.Governance;
import org.fleetdispatch.keystore.permissions.Action;
import org.fleetdispatch.keystore.permissions.DataTag;
import org.fleetdispatch.keystore.permissions.Decision;
import org.fleetdispatch.keystore.permissions.Permissions;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.smime.SmimeSigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The keystore's targets: a decision against a 100-rule permissions document in at most 1 µs,
 * and loading plus verifying an enclave (two S/MIME signatures, two schema validations, a
 * certificate chain, a key pair check) in at most 100 ms.
 *
 * <p>The decision asked matches only the last of the 100 rules: the worst case. With
 * {@code expressions=prefixed} the grant's topic index narrows the search to the rules whose
 * expressions' literal prefixes the topic starts with; with {@code wildcard-led} it cannot, and an
 * uncached decision walks all 100 rules.
 */
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KeystoreBenchmark {

    static final int RULES = 100;
    static final String SUBJECT = "CN=/bench/robot";
    static final EnclavePath ENCLAVE = EnclavePath.of("/bench/robot");

    /**
     * 100 rules: allow rules per robot, every tenth a deny rule with a general pattern. With
     * {@code wildcardLed} every expression starts with a wildcard, so the topic index cannot narrow
     * the search and a decision walks all 100 rules.
     */
    static String permissions(boolean wildcardLed) {
        String robot = wildcardLed ? "*/robot" : "fleet/robot";
        StringBuilder x = new StringBuilder("<dds><permissions><grant name=\"bench\">\n")
                .append("<subject_name>").append(SUBJECT).append("</subject_name>\n")
                .append("<validity><not_before>2020-01-01T00:00:00</not_before><not_after>2100-01-01T00:00:00</not_after></validity>\n");
        for (int i = 0; i < RULES; i++) {
            if (i % 10 == 5) {
                x.append("<deny_rule><domains><id>0</id></domains><publish><topics><topic>").append(wildcardLed ? "*" : "fleet/*")
                        .append("/secret").append(i)
                        .append("</topic></topics><partitions><partition>*</partition></partitions></publish></deny_rule>\n");
            } else {
                x.append("<allow_rule><domains><id_range><min>0</min><max>10</max></id_range></domains>")
                        .append("<publish><topics><topic>").append(robot).append(i).append("/*</topic><topic>").append(robot).append(i)
                        .append("/[a-z]?state</topic></topics><partitions><partition>acme/agv").append(i).append("*</partition></partitions></publish>")
                        .append("<subscribe><topics><topic>").append(robot).append(i).append("/order</topic></topics></subscribe>")
                        .append("</allow_rule>\n");
            }
        }
        return x.append("<default>DENY</default></grant></permissions></dds>\n").toString();
    }

    static String governance() {
        return "<dds><domain_access_rules><domain_rule><domains><id_range><min>0</min><max>10</max></id_range></domains>"
                + "<allow_unauthenticated_participants>false</allow_unauthenticated_participants>"
                + "<enable_join_access_control>true</enable_join_access_control>"
                + "<discovery_protection_kind>ENCRYPT</discovery_protection_kind><liveliness_protection_kind>ENCRYPT</liveliness_protection_kind>"
                + "<rtps_protection_kind>SIGN</rtps_protection_kind><topic_access_rules><topic_rule><topic_expression>*</topic_expression>"
                + "<enable_discovery_protection>true</enable_discovery_protection><enable_liveliness_protection>true</enable_liveliness_protection>"
                + "<enable_read_access_control>true</enable_read_access_control><enable_write_access_control>true</enable_write_access_control>"
                + "<metadata_protection_kind>ENCRYPT</metadata_protection_kind><data_protection_kind>ENCRYPT</data_protection_kind>"
                + "</topic_rule></topic_access_rules></domain_rule></domain_access_rules></dds>";
    }

    /** Controllers over the 100-rule document, with and without the decision cache. */
    @State(Scope.Benchmark)
    public static class Decisions {
        /** Whether the expressions start with a literal the topic index can use, or with a wildcard. */
        @Param({"prefixed", "wildcard-led"})
        String expressions;
        AccessController cached;
        AccessController uncached;
        final String topic = "fleet/robot99/state";
        final List<String> partitions = List.of("acme/agv99");
        final List<DataTag> tags = List.of();
        final Instant now = Instant.parse("2026-11-22T12:00:00Z");

        @Setup(Level.Trial)
        public void setUp() {
            String doc = permissions(expressions.equals("wildcard-led"));
            Permissions p = Permissions.parse(doc.getBytes(StandardCharsets.UTF_8), "bench-permissions.xml");
            Governance g = Governance.parse(governance().getBytes(StandardCharsets.UTF_8), "bench-governance.xml");
            cached = new AccessController(g, p);
            uncached = new AccessController(g, p, 0);
            Decision d = uncached.decide(SUBJECT, 0, Action.PUBLISH, topic, partitions, tags, now);
            if (!d.allowed() || !d.rule().contains("allow_rule #100")) {
                throw new IllegalStateException("benchmark request should be allowed by the last rule, got " + d);
            }
        }
    }

    /** A keystore on disk whose enclave holds the 100-rule permissions, signed. */
    @State(Scope.Benchmark)
    public static class OnDisk {
        Path root;
        final Instant now = Instant.now();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            root = Files.createTempDirectory("fleetdispatch-bench-keystore");
            Files.delete(root);
            Keystore ks = Keystore.create(root, KeystoreOptions.defaults());
            Path dir = ks.createEnclave(ENCLAVE);
            byte[] xml = permissions(false).getBytes(StandardCharsets.UTF_8);
            X509Certificate ca = Pem.readCertificate(root.resolve("public/permissions_ca.cert.pem"));
            PrivateKey key = Pem.readPrivateKey(root.resolve("private/permissions_ca.key.pem"), null);
            Files.write(dir.resolve("permissions.xml"), xml);
            Files.write(dir.resolve("permissions.p7s"), SmimeSigner.sign(xml, ca, key, now));
            SecureEnclave.load(root, ENCLAVE, now);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(p);
                }
            }
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Decision decideCached(Decisions s) {
        return s.cached.decide(SUBJECT, 0, Action.PUBLISH, s.topic, s.partitions, s.tags, s.now);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Decision decideUncached(Decisions s) {
        return s.uncached.decide(SUBJECT, 0, Action.PUBLISH, s.topic, s.partitions, s.tags, s.now);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SecureEnclave loadAndVerify(OnDisk s) {
        return SecureEnclave.load(s.root, ENCLAVE, s.now);
    }
}
