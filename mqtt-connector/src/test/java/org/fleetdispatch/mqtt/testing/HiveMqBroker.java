package org.fleetdispatch.mqtt.testing;

import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.embedded.EmbeddedHiveMQBuilder;
import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.services.Services;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * HiveMQ Community Edition, embedded in the test JVM, listening on 127.0.0.1 on a free port, with a
 * file-persisted data folder so that sessions and queued messages survive {@link #stop()}/{@link #start()}.
 * Made by {@link #tcpRefusing}, it refuses what clients publish under {@link Broker#REFUSING}.
 */
public final class HiveMqBroker implements Broker {

    private final Path home;
    private final int port;
    private final String listenerXml;
    private final String uri;
    private final boolean refusing;
    private EmbeddedHiveMQ hivemq;

    private HiveMqBroker(Path home, int port, String listenerXml, String uri, boolean refusing) {
        this.home = home;
        this.port = port;
        this.listenerXml = listenerXml;
        this.uri = uri;
        this.refusing = refusing;
    }

    /** A plain TCP broker. */
    public static HiveMqBroker tcp(Path home) throws Exception {
        return tcp(home, Ports.free());
    }

    /** A plain TCP broker on the given port. */
    public static HiveMqBroker tcp(Path home, int port) throws Exception {
        return tcp(home, port, false);
    }

    /**
     * A plain TCP broker that refuses what clients publish under {@link Broker#REFUSING}, through an embedded
     * extension; not the default, as the extension sees every message published.
     */
    public static HiveMqBroker tcpRefusing(Path home) throws Exception {
        return tcp(home, Ports.free(), true);
    }

    private static HiveMqBroker tcp(Path home, int port, boolean refusing) throws Exception {
        String xml = "<tcp-listener><port>" + port + "</port><bind-address>127.0.0.1</bind-address></tcp-listener>";
        HiveMqBroker b = new HiveMqBroker(home, port, xml, "tcp://127.0.0.1:" + port, refusing);
        b.start();
        return b;
    }

    /** A TLS broker requiring client certificates signed by the trust store's CA. */
    public static HiveMqBroker tls(Path home, int port, Path keyStoreJks, Path trustStoreJks, String password)
            throws Exception {
        String xml = "<tls-tcp-listener><port>" + port + "</port><bind-address>127.0.0.1</bind-address><tls>"
                + "<keystore><path>" + keyStoreJks.toAbsolutePath() + "</path><password>" + password
                + "</password><private-key-password>" + password + "</private-key-password></keystore>"
                + "<truststore><path>" + trustStoreJks.toAbsolutePath() + "</path><password>" + password
                + "</password></truststore>"
                + "<client-authentication-mode>REQUIRED</client-authentication-mode></tls></tls-tcp-listener>";
        HiveMqBroker b = new HiveMqBroker(home, port, xml, "ssl://localhost:" + port, false);
        b.start();
        return b;
    }

    public int port() {
        return port;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public synchronized void start() throws Exception {
        if (hivemq != null) {
            return;
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Path data = Files.createDirectories(home.resolve("data"));
        Path extensions = Files.createDirectories(home.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>%s</listeners>
                  <mqtt>
                    <session-expiry><max-interval>4294967295</max-interval></session-expiry>
                    <queued-messages><max-queue-size>100000</max-queue-size></queued-messages>
                  </mqtt>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(listenerXml));
        EmbeddedHiveMQBuilder builder = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions);
        EmbeddedHiveMQ h = (refusing ? builder.withEmbeddedExtension(refusing()) : builder).build();
        h.start().get(60, TimeUnit.SECONDS);
        hivemq = h;
    }

    /** Refuses every publish under {@link Broker#REFUSING}, as an authorization extension would. */
    private static EmbeddedExtension refusing() {
        return EmbeddedExtension.builder()
                .withId("refusing").withName("refuses " + REFUSING + "/#").withVersion("1").withAuthor("tests")
                .withPriority(0).withStartPriority(1000)
                .withExtensionMain(new ExtensionMain() {
                    @Override
                    public void extensionStart(ExtensionStartInput in, ExtensionStartOutput out) {
                        Services.initializerRegistry().setClientInitializer((input, client) ->
                                client.addPublishInboundInterceptor((publish, output) -> {
                                    if (publish.getPublishPacket().getTopic().startsWith(REFUSING + "/")) {
                                        output.preventPublishDelivery(AckReasonCode.NOT_AUTHORIZED);
                                    }
                                }));
                    }

                    @Override
                    public void extensionStop(ExtensionStopInput in, ExtensionStopOutput out) {
                    }
                })
                .build();
    }

    @Override
    public synchronized void stop() throws Exception {
        if (hivemq != null) {
            EmbeddedHiveMQ h = hivemq;
            hivemq = null;
            h.stop().get(60, TimeUnit.SECONDS);
            h.close();
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "HiveMQ CE at " + uri;
    }
}
