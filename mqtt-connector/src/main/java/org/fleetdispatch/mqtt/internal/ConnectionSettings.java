package org.fleetdispatch.mqtt.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;

/**
 * How one Paho client connects: brokers, identity, credentials, TLS, session and timing. Shared by
 * activation specs and managed connection factories; the property names here are the ones documented
 * in the README.
 *
 * @param serverUris            brokers tried in order (failover)
 * @param clientId              MQTT client identifier
 * @param userName              or {@code null}
 * @param password              or {@code null}
 * @param keepAlive             MQTT keep alive
 * @param connectionTimeout     how long one connect attempt may take
 * @param cleanStart            MQTT 5 clean start
 * @param sessionExpiryInterval MQTT 5 session expiry in seconds (0: the session ends with the connection)
 * @param receiveMaximum        how many unacknowledged QoS 1/2 messages the broker may send at once
 * @param tls                   PEM files, or {@code null} to use the JVM's default trust
 * @param reconnect             backoff between connect attempts
 */
public record ConnectionSettings(
        List<String> serverUris,
        String clientId,
        String userName,
        String password,
        Duration keepAlive,
        Duration connectionTimeout,
        boolean cleanStart,
        long sessionExpiryInterval,
        int receiveMaximum,
        TlsSettings tls,
        Backoff reconnect) {

    public static final String SERVER_URIS = "serverUris";
    public static final String CLIENT_ID = "clientId";
    public static final String USER_NAME = "userName";
    public static final String PASSWORD = "password";
    public static final String KEEP_ALIVE = "keepAlive";
    public static final String CONNECTION_TIMEOUT = "connectionTimeout";
    public static final String CLEAN_START = "cleanStart";
    public static final String SESSION_EXPIRY_INTERVAL = "sessionExpiryInterval";
    public static final String RECEIVE_MAXIMUM = "receiveMaximum";
    public static final String TLS_ENCLAVE = "tlsEnclave";
    public static final String TLS_CA_FILE = "tlsCaFile";
    public static final String TLS_CERT_FILE = "tlsCertFile";
    public static final String TLS_KEY_FILE = "tlsKeyFile";
    public static final String TLS_KEY_PASSWORD = "tlsKeyPassword";
    public static final String TLS_HOSTNAME_VERIFICATION = "tlsHostnameVerification";
    public static final String RECONNECT_DELAY = "reconnectDelay";
    public static final String RECONNECT_DELAY_MAX = "reconnectDelayMax";

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");
    private static final Set<String> TLS_SCHEMES = Set.of("ssl", "wss");

    /**
     * Reads and checks the connection settings; problems go to the reader.
     *
     * @param defaultClientId    used when {@code clientId} is not set
     * @param defaultCleanStart  used when {@code cleanStart} is not set
     * @param defaultExpiry      used when {@code sessionExpiryInterval} is not set
     */
    public static ConnectionSettings read(SettingsReader r, String defaultClientId, boolean defaultCleanStart,
            long defaultExpiry) {
        List<String> uris = r.list(SERVER_URIS);
        if (uris.isEmpty() && r.problems().stream().noneMatch(p -> p.startsWith(SERVER_URIS + ":"))) {
            r.problem(SERVER_URIS + " is required: one or more broker URIs separated by commas, e.g. "
                    + "tcp://broker:1883 or ssl://broker:8883 (a placeholder such as ${fleetdispatch.mqtt.uri} "
                    + "reads the environment variable FLEETDISPATCH_MQTT_URI)");
        }
        boolean anyTls = false;
        for (String uri : uris) {
            anyTls |= checkUri(r, uri);
        }
        String clientId = r.string(CLIENT_ID, defaultClientId);
        if (clientId != null && clientId.length() > 65535) {
            r.problem(CLIENT_ID + " is longer than 65535 characters");
        }
        String userName = r.string(USER_NAME);
        String password = r.string(PASSWORD);
        if (password != null && userName == null) {
            r.problem(PASSWORD + " is set but " + USER_NAME + " is not");
        }
        Duration keepAlive = r.duration(KEEP_ALIVE, Duration.ofSeconds(30), "s", Duration.ZERO,
                Duration.ofSeconds(65535));
        Duration connectionTimeout = r.duration(CONNECTION_TIMEOUT, Duration.ofSeconds(10), "s",
                Duration.ofSeconds(1), Duration.ofMinutes(10));
        boolean cleanStart = r.bool(CLEAN_START, defaultCleanStart);
        long expiry = r.integer(SESSION_EXPIRY_INTERVAL, defaultExpiry, 0, 0xFFFFFFFFL);
        int receiveMaximum = (int) r.integer(RECEIVE_MAXIMUM, 100, 1, 65535);
        TlsSettings tls = TlsSettings.read(r, anyTls);
        Duration rmin = r.duration(RECONNECT_DELAY, Duration.ofSeconds(1), "ms", Duration.ofMillis(10),
                Duration.ofHours(1));
        Duration rmax = r.duration(RECONNECT_DELAY_MAX, Duration.ofSeconds(30), "ms", Duration.ofMillis(10),
                Duration.ofHours(1));
        if (rmax.compareTo(rmin) < 0) {
            r.problem(RECONNECT_DELAY_MAX + " (" + Durations.format(rmax) + ") is less than " + RECONNECT_DELAY
                    + " (" + Durations.format(rmin) + ")");
            rmax = rmin;
        }
        return new ConnectionSettings(uris, clientId, userName, password, keepAlive, connectionTimeout, cleanStart,
                expiry, receiveMaximum, tls, new Backoff(rmin, rmax));
    }

    /** @return whether the URI uses TLS */
    private static boolean checkUri(SettingsReader r, String uri) {
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!SCHEMES.contains(scheme)) {
                r.problem(SERVER_URIS + ": '" + uri + "' must start with tcp://, ssl://, ws:// or wss://");
                return false;
            }
            if (u.getHost() == null || u.getPort() < 1) {
                r.problem(SERVER_URIS + ": '" + uri + "' needs a host and a port, e.g. " + scheme + "://broker:"
                        + (TLS_SCHEMES.contains(scheme) ? 8883 : 1883));
            }
            return TLS_SCHEMES.contains(scheme);
        } catch (URISyntaxException e) {
            r.problem(SERVER_URIS + ": '" + uri + "' is not a URI: " + e.getReason());
            return false;
        }
    }

    /** The first broker, for messages. */
    public String firstUri() {
        return serverUris.isEmpty() ? "(none)" : serverUris.get(0);
    }

    /** Paho options for these settings: automatic reconnect off (the adapter reconnects itself). */
    public MqttConnectionOptions toPahoOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setServerURIs(serverUris.toArray(String[]::new));
        o.setCleanStart(cleanStart);
        o.setSessionExpiryInterval(sessionExpiryInterval);
        o.setKeepAliveInterval((int) keepAlive.toSeconds());
        o.setConnectionTimeout((int) Math.max(1, connectionTimeout.toSeconds()));
        o.setAutomaticReconnect(false);
        o.setReceiveMaximum(receiveMaximum);
        if (userName != null) {
            o.setUserName(userName);
        }
        if (password != null) {
            o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        if (tls != null) {
            SSLSocketFactory factory = tls.socketFactory();
            o.setSocketFactory(factory);
            o.setHttpsHostnameVerificationEnabled(tls.hostnameVerification());
        }
        return o;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[serverUris=" + serverUris + ", clientId=" + clientId + ", userName=" + userName
                + ", password=" + (password == null ? "none" : "***") + ", keepAlive=" + keepAlive
                + ", cleanStart=" + cleanStart + ", sessionExpiryInterval=" + sessionExpiryInterval
                + ", receiveMaximum=" + receiveMaximum + ", tls=" + tls + "]";
    }

    static boolean readable(Path p) {
        return Files.isRegularFile(p) && Files.isReadable(p);
    }
}
