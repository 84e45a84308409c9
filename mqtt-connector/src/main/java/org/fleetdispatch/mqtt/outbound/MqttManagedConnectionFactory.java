package org.fleetdispatch.mqtt.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import javax.security.auth.Subject;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.MqttConnection;
import org.fleetdispatch.mqtt.MqttConnectionFactory;
import org.fleetdispatch.mqtt.inbound.MqttResourceAdapter;
import org.fleetdispatch.mqtt.internal.ConnectionSettings;
import org.fleetdispatch.mqtt.internal.Placeholders;
import org.fleetdispatch.mqtt.internal.SettingsReader;

/**
 * Outbound configuration and owner of the one Paho client all its connections publish through.
 * Managed connections are cheap views of that client, so the pool's size does not multiply TCP
 * connections, and the one client id can never collide with itself. Every property is a string so
 * that any may be a placeholder; the README documents each.
 */
@ConnectionDefinition(
        connectionFactory = MqttConnectionFactory.class,
        connectionFactoryImpl = MqttConnectionFactoryImpl.class,
        connection = MqttConnection.class,
        connectionImpl = MqttConnectionImpl.class)
public class MqttManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient SharedPublisher publisher;

    @ConfigProperty(description = "Broker URIs tried in order (failover), separated by commas: tcp://host:1883, ssl://host:8883, ws://, wss://. Required.")
    private String serverUris;

    @ConfigProperty(description = "MQTT client identifier; must be unique per broker and stable across restarts for a persistent session.")
    private String clientId;

    @ConfigProperty(description = "User name for the broker, if it requires one.")
    private String userName;

    @ConfigProperty(description = "Password for the broker (requires userName).")
    private String password;

    @ConfigProperty(description = "MQTT keep alive (seconds, or 250ms/5s/2m).", defaultValue = "30s")
    private String keepAlive;

    @ConfigProperty(description = "How long one connect attempt may take.", defaultValue = "10s")
    private String connectionTimeout;

    @ConfigProperty(description = "First delay before reconnecting after a failure; doubles up to reconnectDelayMax.", defaultValue = "1s")
    private String reconnectDelay;

    @ConfigProperty(description = "Longest delay between reconnect attempts.", defaultValue = "30s")
    private String reconnectDelayMax;

    @ConfigProperty(description = "MQTT 5 receive maximum: how many unacknowledged QoS 1 messages the broker may send at once.", defaultValue = "100")
    private String receiveMaximum;

    @ConfigProperty(description = "SROS 2 enclave directory: uses its identity_ca.cert.pem, cert.pem and key.pem.")
    private String tlsEnclave;

    @ConfigProperty(description = "PEM file of the CA certificate(s) the broker's certificate must chain to (default: the JVM's trust store).")
    private String tlsCaFile;

    @ConfigProperty(description = "PEM file of the client certificate (chain) for mutual TLS.")
    private String tlsCertFile;

    @ConfigProperty(description = "PEM file of the client certificate's private key.")
    private String tlsKeyFile;

    @ConfigProperty(description = "Password of an encrypted tlsKeyFile.")
    private String tlsKeyPassword;

    @ConfigProperty(description = "Whether the broker's certificate must name the host connected to.", defaultValue = "true")
    private String tlsHostnameVerification;

    @ConfigProperty(description = "How long publish() waits for the broker's acknowledgement (PUBACK/PUBCOMP).", defaultValue = "10s")
    private String publishTimeout;

    /** The validated settings. */
    OutboundSettings settings() throws InvalidPropertyException {
        try {
            return OutboundSettings.parse(properties(), Placeholders.fromSystem());
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException(e.getMessage());
        }
    }

    /** The shared client, created and started on first use. */
    synchronized SharedPublisher publisher() throws ResourceException {
        if (publisher == null || publisher.isClosed()) {
            OutboundSettings s = settings();
            ScheduledExecutorService scheduler = resourceAdapter instanceof MqttResourceAdapter ra ? ra.scheduler()
                    : null;
            publisher = new SharedPublisher(s, scheduler);
            if (resourceAdapter instanceof MqttResourceAdapter ra) {
                ra.register(publisher);
            }
            publisher.start();
        }
        return publisher;
    }

    /** Every client of the adapter, or just this factory's when there is no adapter. */
    List<MqttClientStatus> clientStatus() {
        if (resourceAdapter instanceof MqttResourceAdapter ra) {
            return ra.clientStatus();
        }
        SharedPublisher p;
        synchronized (this) {
            p = publisher;
        }
        return p == null ? List.of() : List.of(p.status());
    }

    /** Closes the shared client (the adapter does this when it stops). */
    public synchronized void close() {
        if (publisher != null) {
            if (resourceAdapter instanceof MqttResourceAdapter ra) {
                ra.unregister(publisher);
            }
            publisher.close();
            publisher = null;
        }
    }

    @Override
    public Object createConnectionFactory(ConnectionManager cm) throws ResourceException {
        settings();
        return new MqttConnectionFactoryImpl(this, cm);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        return createConnectionFactory(new UnmanagedConnectionManager());
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info)
            throws ResourceException {
        return new MqttManagedConnection(this, publisher());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object o : candidates) {
            if (o instanceof MqttManagedConnection mc && mc.factory() == this && mc.isUsable()) {
                return mc;
            }
        }
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) {
        this.resourceAdapter = ra;
    }

    Duration publishTimeoutOr(Duration fallback) {
        try {
            return settings().publishTimeout();
        } catch (InvalidPropertyException e) {
            return fallback;
        }
    }

    /** Every property by its name, as configured (placeholders unresolved). */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("serverUris", serverUris);
        p.put("clientId", clientId);
        p.put("userName", userName);
        p.put("password", password);
        p.put("keepAlive", keepAlive);
        p.put("connectionTimeout", connectionTimeout);
        p.put("reconnectDelay", reconnectDelay);
        p.put("reconnectDelayMax", reconnectDelayMax);
        p.put("receiveMaximum", receiveMaximum);
        p.put("tlsEnclave", tlsEnclave);
        p.put("tlsCaFile", tlsCaFile);
        p.put("tlsCertFile", tlsCertFile);
        p.put("tlsKeyFile", tlsKeyFile);
        p.put("tlsKeyPassword", tlsKeyPassword);
        p.put("tlsHostnameVerification", tlsHostnameVerification);
        p.put("publishTimeout", publishTimeout);
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttManagedConnectionFactory f && properties().equals(f.properties());
    }

    @Override
    public int hashCode() {
        return Objects.hash(serverUris, clientId, userName);
    }

    public String getServerUris() {
        return serverUris;
    }

    public void setServerUris(String serverUris) {
        this.serverUris = serverUris;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getKeepAlive() {
        return keepAlive;
    }

    public void setKeepAlive(String keepAlive) {
        this.keepAlive = keepAlive;
    }

    public String getConnectionTimeout() {
        return connectionTimeout;
    }

    public void setConnectionTimeout(String connectionTimeout) {
        this.connectionTimeout = connectionTimeout;
    }

    public String getReconnectDelay() {
        return reconnectDelay;
    }

    public void setReconnectDelay(String reconnectDelay) {
        this.reconnectDelay = reconnectDelay;
    }

    public String getReconnectDelayMax() {
        return reconnectDelayMax;
    }

    public void setReconnectDelayMax(String reconnectDelayMax) {
        this.reconnectDelayMax = reconnectDelayMax;
    }

    public String getReceiveMaximum() {
        return receiveMaximum;
    }

    public void setReceiveMaximum(String receiveMaximum) {
        this.receiveMaximum = receiveMaximum;
    }

    public String getTlsEnclave() {
        return tlsEnclave;
    }

    public void setTlsEnclave(String tlsEnclave) {
        this.tlsEnclave = tlsEnclave;
    }

    public String getTlsCaFile() {
        return tlsCaFile;
    }

    public void setTlsCaFile(String tlsCaFile) {
        this.tlsCaFile = tlsCaFile;
    }

    public String getTlsCertFile() {
        return tlsCertFile;
    }

    public void setTlsCertFile(String tlsCertFile) {
        this.tlsCertFile = tlsCertFile;
    }

    public String getTlsKeyFile() {
        return tlsKeyFile;
    }

    public void setTlsKeyFile(String tlsKeyFile) {
        this.tlsKeyFile = tlsKeyFile;
    }

    public String getTlsKeyPassword() {
        return tlsKeyPassword;
    }

    public void setTlsKeyPassword(String tlsKeyPassword) {
        this.tlsKeyPassword = tlsKeyPassword;
    }

    public String getTlsHostnameVerification() {
        return tlsHostnameVerification;
    }

    public void setTlsHostnameVerification(String tlsHostnameVerification) {
        this.tlsHostnameVerification = tlsHostnameVerification;
    }

    public String getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(String publishTimeout) {
        this.publishTimeout = publishTimeout;
    }
}
