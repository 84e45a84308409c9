package org.fleetdispatch.mqtt.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.mqtt.bench.mdb.CountServlet;
import org.fleetdispatch.mqtt.bench.mdb.Counters;
import org.fleetdispatch.mqtt.bench.mdb.CountingBean;
import org.fleetdispatch.mqtt.testing.Broker;
import org.fleetdispatch.mqtt.testing.HiveMqBroker;
import org.fleetdispatch.mqtt.testing.MosquittoBroker;
import org.fleetdispatch.mqtt.testing.Ports;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Messages per second through the resource adapter into a message-driven bean on Payara Micro,
 * against the broker's raw rate on the same run.
 *
 * <p>Per broker (HiveMQ CE embedded on a free loopback port; then mosquitto as a child process if it is
 * installed): Payara Micro starts as a child process (loopback, {@code --nocluster}) with the built RAR
 * deployed by a post-boot command and a WAR generated here whose only bean counts (no database; one
 * activation per setting, each on its own topics). A pipelined Paho v5 publisher sends {@code messages}
 * QoS 1 messages over {@code topics} topics; for every setting a raw round (a plain Paho v5 subscriber,
 * automatic acknowledgements: the broker's raw rate) is immediately followed by a round through the
 * adapter into the bean, and the ratio is taken between the two. A rate is messages / (last arrival or
 * {@code onMessage} - first publish), on the wall clock both processes share; the bean's count is
 * long-polled over HTTP with a deadline. Warm-up rounds come first and are not reported. Payara and the
 * brokers are stopped whatever happens. Not part of the build: run it as the module's README says.
 *
 * <p>Arguments (all optional): messages per round (10000), topics (20), settings
 * ({@code maxConcurrency/receiveMaximum[/Required|NotSupported]} separated by commas, default
 * {@code 1/100,4/100,8/500}), measured rounds per setting (1). System properties:
 * {@code fd.bench.brokers} ({@code hivemq,mosquitto}), {@code fd.bench.payaraMicroJar} (default
 * {@code target/payara-micro/payara-micro.jar}, where {@code dependency:copy@payara-micro} puts it),
 * {@code fd.bench.rar} ({@code target/fleetdispatch-mqtt.rar}), {@code fd.bench.payaraJvmOptions}
 * ({@code -Xmx512m -XX:+UseSerialGC}, as the container tests), {@code fd.bench.payloadBytes} (64),
 * {@code fd.bench.rawReceiveMaximum} (65535), {@code fd.bench.keep} (keep the temporary directory with
 * the broker data and the Payara log).
 */
public final class MdbThroughputBenchmark {

    private static final String WAR = "fd-bench.war";

    /** A setting of the activation under test. */
    record Setting(int maxConcurrency, int receiveMaximum, String transaction) {
        static Setting parse(String s) {
            String[] p = s.trim().split("/");
            if (p.length < 2 || p.length > 3) {
                throw new IllegalArgumentException("setting '" + s + "': maxConcurrency/receiveMaximum[/Required|NotSupported]");
            }
            String tx = p.length == 3 ? p[2] : "Required";
            if (!tx.equals("Required") && !tx.equals("NotSupported")) {
                throw new IllegalArgumentException("setting '" + s + "': transaction attribute Required or NotSupported");
            }
            return new Setting(Integer.parseInt(p[0]), Integer.parseInt(p[1]), tx);
        }

        String key() {
            return "c" + maxConcurrency + "-r" + receiveMaximum + (transaction.equals("Required") ? "" : "-nt");
        }
    }

    /** One measured round: a line of the table. */
    record Row(String what, String maxConcurrency, String receiveMaximum, String tx, double rate, double publishRate,
            double ratio, long extra, int peak, double benchCpu, double brokerCpu, double payaraCpu, String load) {
    }

    /** The options of a run. */
    record Options(int messages, int topics, List<Setting> settings, int rounds, int warmUp, int payloadBytes,
            int rawReceiveMaximum, Path rar, Path payaraMicro, List<String> payaraJvm) {
    }

    public static void main(String[] args) throws Exception {
        Path target = targetDirectory();
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Options o = new Options(messages, args.length > 1 ? Integer.parseInt(args[1]) : 20,
                Arrays.stream((args.length > 2 ? args[2] : "1/100,4/100,8/500").split(",")).map(Setting::parse)
                        .toList(),
                args.length > 3 ? Integer.parseInt(args[3]) : 1, Math.max(1_000, messages / 2),
                Integer.getInteger("fd.bench.payloadBytes", 64),
                Integer.getInteger("fd.bench.rawReceiveMaximum", 65_535),
                Path.of(System.getProperty("fd.bench.rar", target.resolve("fleetdispatch-mqtt.rar").toString())),
                payaraMicroJar(target),
                List.of(System.getProperty("fd.bench.payaraJvmOptions", "-Xmx512m -XX:+UseSerialGC").trim()
                        .split("\\s+")));
        if (!Files.isRegularFile(o.rar())) {
            throw new IllegalStateException(o.rar() + " missing: build it first (mvn -pl mqtt-connector package)");
        }
        String loadBefore = loadAverage();
        long t0 = System.nanoTime();
        List<String> report = new ArrayList<>();
        for (String broker : System.getProperty("fd.bench.brokers", "hivemq,mosquitto").split(",")) {
            broker = broker.trim();
            if (broker.equals("mosquitto") && MosquittoBroker.binary().isEmpty()) {
                report.add("\nmosquitto: skipped, " + MosquittoBroker.INSTALL_HINT + "\n");
                continue;
            }
            report.add(section(broker, o));
        }
        report.forEach(System.out::print);
        System.out.printf(Locale.ROOT, "%nload average before %s, after %s; %.0f s in all%n", loadBefore,
                loadAverage(), (System.nanoTime() - t0) / 1e9);
    }

    /** Everything on one broker; returns the table. */
    private static String section(String brokerKind, Options o) throws Exception {
        Path home = Files.createTempDirectory("fd-mdb-bench-" + brokerKind);
        List<Row> rows = new ArrayList<>();
        String brokerName;
        String payaraVersion;
        boolean completed = false;
        try (Broker broker = startBroker(brokerKind, home.resolve("broker"));
                BenchPublisher publisher = new BenchPublisher(broker.uri(), "bench-publisher", o.payloadBytes());
                RawSubscriber raw = new RawSubscriber(broker.uri(), "bench-raw", "bench/raw/+",
                        o.rawReceiveMaximum())) {
            brokerName = broker + " (publisher window " + publisher.window() + ")";
            Path war = home.resolve(WAR);
            benchWar(broker.uri(), o.settings()).as(ZipExporter.class).exportTo(war.toFile(), true);
            int port = Ports.free();
            System.out.printf(Locale.ROOT, "%n%s%nstarting Payara Micro %s on 127.0.0.1:%d (log %s)%n", brokerName,
                    o.payaraMicro(), port, home.resolve("payara/payara-micro.log"));
            Cpu cpu = new Cpu(brokerProcess(brokerKind));
            try (PayaraMicroProcess payara = PayaraMicroProcess.start(o.payaraMicro(), o.rar(), war,
                    home.resolve("payara"), port, o.payaraJvm())) {
                long boot = System.nanoTime();
                payara.awaitReady("/count?key=boot", Duration.ofMinutes(5));
                cpu.payara = ProcessHandle.of(payara.pid());
                payaraVersion = payara.version();
                System.out.printf(Locale.ROOT, "Payara Micro up in %.0f s (pid %d)%n",
                        (System.nanoTime() - boot) / 1e9, payara.pid());
                rawRound(publisher, o, o.warmUp(), "raw warm-up", cpu);
                for (Setting s : o.settings()) {
                    awaitSubscribed(payara, publisher, s.key(), Duration.ofMinutes(2));
                    mdbRound(payara, publisher, s, o, o.warmUp(), "warm-up", Double.NaN, cpu);
                    for (int r = 0; r < o.rounds(); r++) {
                        Row before = rawRound(publisher, o, o.messages(), "broker raw (Paho subscriber)", cpu);
                        rows.add(before);
                        rows.add(mdbRound(payara, publisher, s, o, o.messages(), "RA -> MDB", before.rate(), cpu));
                    }
                }
            }
            completed = true;
        } finally {
            if (!completed || Boolean.getBoolean("fd.bench.keep")) {
                System.out.println("kept " + home + " (broker data, Payara Micro log)");
            } else {
                deleteTree(home);
            }
        }
        return table(rows, brokerName, payaraVersion, o);
    }

    // ---- raw

    private static Row rawRound(BenchPublisher publisher, Options o, int messages, String what, Cpu cpu)
            throws Exception {
        Counters.Counter c = Counters.of("raw");
        long base = c.count();
        long[] cpuBefore = cpu.now();
        BenchPublisher.Result pub = publisher.publish("bench/raw", messages, o.topics());
        if (!c.await(base + messages, Duration.ofMinutes(5).toMillis())) {
            throw new IllegalStateException(what + ": the raw subscriber got only " + (c.count() - base) + " of "
                    + messages);
        }
        double rate = messages / ((c.lastMicros() - pub.firstPublishMicros()) / 1e6);
        double[] perK = cpu.perThousand(cpuBefore, messages);
        System.out.printf(Locale.ROOT, "%-32s %,9.0f msg/s%n", what, rate);
        return new Row(what, "-", Integer.toString(o.rawReceiveMaximum()), "-", rate, publishRate(messages, pub),
                Double.NaN, c.count() - base - messages, -1, perK[0], perK[1], perK[2], loadAverage());
    }

    /** A plain Paho v5 subscriber: automatic acknowledgements, counts in the same counter the bean uses. */
    static final class RawSubscriber implements AutoCloseable {
        private final MqttAsyncClient client;

        RawSubscriber(String uri, String clientId, String filter, int receiveMaximum) throws MqttException {
            client = new MqttAsyncClient(uri, clientId, new MemoryPersistence());
            client.setCallback(new MqttCallback() {
                @Override
                public void messageArrived(String topic, MqttMessage message) {
                    Counters.of("raw").record();
                }

                @Override
                public void disconnected(MqttDisconnectResponse r) {
                }

                @Override
                public void mqttErrorOccurred(MqttException e) {
                }

                @Override
                public void deliveryComplete(IMqttToken token) {
                }

                @Override
                public void connectComplete(boolean reconnect, String serverURI) {
                }

                @Override
                public void authPacketArrived(int reasonCode, MqttProperties properties) {
                }
            });
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            o.setReceiveMaximum(receiveMaximum);
            client.connect(o).waitForCompletion(30_000);
            client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(30_000);
        }

        @Override
        public void close() throws MqttException {
            try {
                if (client.isConnected()) {
                    client.disconnect().waitForCompletion(10_000);
                }
            } finally {
                client.close(true);
            }
        }
    }

    // ---- through the adapter

    /** Publishes probes on {@code bench/<key>/probe} until the bean counted one: its activation subscribed. */
    private static void awaitSubscribed(PayaraMicroProcess payara, BenchPublisher publisher, String key,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            publisher.publishOne("bench/" + key + "/probe");
            if (count(payara, key + "/probe", 1, 1_000)[0] >= 1) {
                return;
            }
        }
        throw new IllegalStateException("the bean for " + key + " did not receive a probe within " + timeout
                + "; see " + payara.log() + "\n" + payara.tail(40));
    }

    private static Row mdbRound(PayaraMicroProcess payara, BenchPublisher publisher, Setting s, Options o,
            int messages, String what, double rawRate, Cpu cpu) throws Exception {
        long base = count(payara, s.key(), 0, 0)[0];
        long[] cpuBefore = cpu.now();
        BenchPublisher.Result pub = publisher.publish("bench/" + s.key(), messages, o.topics());
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long[] c;
        do {
            c = count(payara, s.key(), base + messages, 2_000);
        } while (c[0] < base + messages && System.nanoTime() < deadline);
        if (c[0] < base + messages) {
            throw new IllegalStateException(s.key() + ": the bean processed only " + (c[0] - base) + " of " + messages
                    + " within 5 min; see " + payara.log());
        }
        double rate = messages / ((c[1] - pub.firstPublishMicros()) / 1e6);
        double[] perK = cpu.perThousand(cpuBefore, messages);
        System.out.printf(Locale.ROOT, "%-32s %,9.0f msg/s  (%s, %s)%n", what, rate, s.key(), s.transaction());
        return new Row(what, Integer.toString(s.maxConcurrency()), Integer.toString(s.receiveMaximum()),
                s.transaction(), rate, publishRate(messages, pub), rate / rawRate, c[0] - base - messages, (int) c[2],
                perK[0], perK[1], perK[2], loadAverage());
    }

    /** {@code [count, lastMicros, peak concurrency]} of a key, after waiting up to {@code waitMs} for {@code atLeast}. */
    private static long[] count(PayaraMicroProcess payara, String key, long atLeast, long waitMs) throws Exception {
        HttpResponse<String> r = payara.get("/count?key=" + key + "&atLeast=" + atLeast + "&waitMs=" + waitMs,
                Duration.ofMillis(waitMs + 10_000));
        if (r.statusCode() != 200) {
            throw new IllegalStateException("count endpoint answered " + r.statusCode() + ": " + r.body());
        }
        return Arrays.stream(r.body().trim().split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /**
     * The benchmark application: the counting bean declared once per setting in {@code ejb-jar.xml}
     * (activation config from the setting, topics {@code bench/<key>/+}) and the count servlet.
     */
    static WebArchive benchWar(String brokerUri, List<Setting> settings) {
        StringBuilder beans = new StringBuilder();
        StringBuilder tx = new StringBuilder();
        for (Setting s : settings) {
            beans.append("""
                        <message-driven>
                          <ejb-name>bench-%1$s</ejb-name>
                          <ejb-class>%2$s</ejb-class>
                          <messaging-type>%3$s</messaging-type>
                          <transaction-type>Container</transaction-type>
                          <activation-config>
                    %4$s      </activation-config>
                        </message-driven>
                    """.formatted(s.key(), CountingBean.class.getName(), MqttMessageListener.class.getName(),
                    property("serverUris", brokerUri) + property("clientId", "fd-bench-" + s.key())
                            + property("topicFilter", "bench/" + s.key() + "/+") + property("qos", "1")
                            + property("maxConcurrency", Integer.toString(s.maxConcurrency()))
                            + property("receiveMaximum", Integer.toString(s.receiveMaximum()))));
            tx.append("""
                        <container-transaction>
                          <method><ejb-name>bench-%s</ejb-name><method-name>*</method-name></method>
                          <trans-attribute>%s</trans-attribute>
                        </container-transaction>
                    """.formatted(s.key(), s.transaction()));
        }
        String ejbJar = """
                <?xml version="1.0" encoding="UTF-8"?>
                <ejb-jar xmlns="https://jakarta.ee/xml/ns/jakartaee"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="https://jakarta.ee/xml/ns/jakartaee https://jakarta.ee/xml/ns/jakartaee/ejb-jar_4_0.xsd"
                         version="4.0">
                  <enterprise-beans>
                %s  </enterprise-beans>
                  <assembly-descriptor>
                %s  </assembly-descriptor>
                </ejb-jar>
                """.formatted(beans, tx);
        return ShrinkWrap.create(WebArchive.class, WAR)
                .addClasses(CountingBean.class, Counters.class, Counters.Counter.class, CountServlet.class)
                .addAsWebInfResource(new StringAsset(ejbJar), "ejb-jar.xml");
    }

    private static String property(String name, String value) {
        return "          <activation-config-property><activation-config-property-name>" + name
                + "</activation-config-property-name><activation-config-property-value>" + value
                + "</activation-config-property-value></activation-config-property>\n";
    }

    // ---- environment

    private static Broker startBroker(String kind, Path home) throws Exception {
        return switch (kind) {
            case "hivemq" -> {
                // HiveMQ reads conf/logback.xml if there is one: warnings only, not its start-up story.
                Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("logback.xml"), """
                        <configuration>
                          <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                            <encoder><pattern>%d{HH:mm:ss.SSS} %-5level HiveMQ: %msg%n</pattern></encoder>
                          </appender>
                          <root level="WARN"><appender-ref ref="out"/></root>
                        </configuration>
                        """);
                yield HiveMqBroker.tcp(home);
            }
            case "mosquitto" -> MosquittoBroker.tcp(home);
            default -> throw new IllegalArgumentException("fd.bench.brokers: hivemq and/or mosquitto, not " + kind);
        };
    }

    /** The broker's own process when it has one (mosquitto); HiveMQ runs inside this JVM. */
    private static Optional<ProcessHandle> brokerProcess(String kind) {
        if (!kind.equals("mosquitto")) {
            return Optional.empty();
        }
        return ProcessHandle.current().children()
                .filter(p -> p.info().command().map(c -> c.endsWith("mosquitto")).orElse(false)).findFirst();
    }

    /** CPU time of this JVM, the broker's process (if any) and Payara's. */
    static final class Cpu {
        final Optional<ProcessHandle> broker;
        Optional<ProcessHandle> payara = Optional.empty();

        Cpu(Optional<ProcessHandle> broker) {
            this.broker = broker;
        }

        long[] now() {
            return new long[] {((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime(), of(broker), of(payara)};
        }

        /** CPU milliseconds per 1000 messages since {@code before}: this JVM, broker, Payara (NaN: none). */
        double[] perThousand(long[] before, int messages) {
            long[] after = now();
            double[] r = new double[3];
            for (int i = 0; i < 3; i++) {
                r[i] = before[i] < 0 || after[i] < 0 ? Double.NaN : (after[i] - before[i]) / 1e6 / (messages / 1000.0);
            }
            return r;
        }

        private static long of(Optional<ProcessHandle> p) {
            return p.flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(-1L);
        }
    }

    /** {@code mqtt-connector/target}: the parent of the test classes directory this class was loaded from. */
    private static Path targetDirectory() throws Exception {
        URI classes = MdbThroughputBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        return Path.of(classes).getParent();
    }

    /** {@code -Dfd.bench.payaraMicroJar}, else where the build copies it ({@code dependency:copy@payara-micro}). */
    private static Path payaraMicroJar(Path target) {
        String configured = System.getProperty("fd.bench.payaraMicroJar");
        Path jar = configured != null ? Path.of(configured) : target.resolve("payara-micro/payara-micro.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Payara Micro not found at " + jar + ": run with dependency:copy@payara-micro "
                    + "as the README says, or set -Dfd.bench.payaraMicroJar=/path/to/payara-micro.jar");
        }
        return jar;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static double publishRate(int messages, BenchPublisher.Result pub) {
        return messages / ((pub.lastAckMicros() - pub.firstPublishMicros()) / 1e6);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + root + ": " + e);
        }
    }

    private static String table(List<Row> rows, String broker, String payaraVersion, Options o) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n%s: %,d QoS 1 messages of %d bytes over %d topics per round%n", broker,
                o.messages(), o.payloadBytes(), o.topics()));
        t.append(String.format(Locale.ROOT, "Payara Micro %s (%s), %d cores; ratio = RA -> MDB / the raw round just "
                + "before it; cpu = CPU ms per 1000 messages (bench JVM: publisher, raw subscriber%s)%n",
                payaraVersion, String.join(" ", o.payaraJvm()), Runtime.getRuntime().availableProcessors(),
                broker.startsWith("HiveMQ") ? ", HiveMQ" : ""));
        t.append(String.format(Locale.ROOT, "%-29s %4s %6s %-12s %8s %9s %6s %5s %4s %6s %6s %6s  %s%n", "round",
                "maxC", "recvMx", "transaction", "msg/s", "pub msg/s", "ratio", "extra", "peak", "cpuJVM", "cpuBrk",
                "cpuPay", "load 1/5/15"));
        for (Row r : rows) {
            t.append(String.format(Locale.ROOT, "%-29s %4s %6s %-12s %,8.0f %,9.0f %6s %5d %4s %6s %6s %6s  %s%n",
                    r.what(), r.maxConcurrency(), r.receiveMaximum(), r.tx(), r.rate(), r.publishRate(),
                    fmt(r.ratio(), "%.2f"), r.extra(), r.peak() < 0 ? "-" : Integer.toString(r.peak()), fmt(r.benchCpu(), "%.0f"), fmt(r.brokerCpu(), "%.0f"),
                    fmt(r.payaraCpu(), "%.0f"), r.load()));
        }
        DoubleSummaryStatistics ratios = rows.stream().filter(r -> !Double.isNaN(r.ratio())).mapToDouble(Row::ratio)
                .summaryStatistics();
        t.append(String.format(Locale.ROOT, "RA -> MDB / raw: %.2f .. %.2f over %d rounds (target >= 0.5)%n",
                ratios.getMin(), ratios.getMax(), ratios.getCount()));
        return t.toString();
    }

    private static String fmt(double v, String format) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }
}
