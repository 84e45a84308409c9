package org.fleetdispatch.mqtt.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fleetdispatch.mqtt.MqttMessageListener;
import org.fleetdispatch.mqtt.internal.Placeholders;

/**
 * The activation config properties of a message-driven bean implementing
 * {@link MqttMessageListener}. Every property is a string so that any of them may be a placeholder
 * ({@code ${name}}, {@code ${name:default}}, {@code ${MPCONFIG=name}}, {@code ${ENV=NAME}}) resolved
 * from system properties and environment variables; {@link #validate()} resolves and checks them all
 * and reports every problem at once. The README documents each property.
 */
@Activation(messageListeners = MqttMessageListener.class)
public class MqttActivationSpec implements ActivationSpec {

    private transient ResourceAdapter resourceAdapter;

    @ConfigProperty(description = "One or more MQTT topic filters separated by commas. Required.")
    private String topicFilter;

    @ConfigProperty(description = "Subscription QoS: 1 (at least once, acknowledged after the bean's transaction committed) or 0.", defaultValue = "1")
    private String qos;

    @ConfigProperty(description = "Subscribe as $share/<group>/<filter> so that instances split the messages.")
    private String sharedSubscriptionGroup;

    @ConfigProperty(description = "MQTT 5 clean start: false resumes the session the broker kept.", defaultValue = "false")
    private String cleanStart;

    @ConfigProperty(description = "Seconds the broker keeps the session (and queues messages) after a disconnect.", defaultValue = "86400")
    private String sessionExpiryInterval;

    @ConfigProperty(description = "How many lanes (topics) are delivered at the same time.", defaultValue = "4")
    private String maxConcurrency;

    @ConfigProperty(description = "Number of ordered lanes topics are hashed onto.")
    private String lanes;

    @ConfigProperty(description = "Messages that may wait for delivery before reading from the broker pauses.")
    private String maxPendingMessages;

    @ConfigProperty(description = "Retries of a message whose delivery failed before it is dead-lettered.", defaultValue = "5")
    private String maxRetries;

    @ConfigProperty(description = "First delay before a retry; doubles up to retryBackoffMax.", defaultValue = "200ms")
    private String retryBackoff;

    @ConfigProperty(description = "Longest delay between retries.", defaultValue = "10s")
    private String retryBackoffMax;

    @ConfigProperty(description = "Topic dead letters are published to; {topic} is the original topic.", defaultValue = "dead-letter/{topic}")
    private String deadLetterTopic;

    @ConfigProperty(description = "How long publishing a dead letter may wait for the broker's acknowledgement.", defaultValue = "10s")
    private String publishTimeout;

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

    @Override
    public void validate() throws InvalidPropertyException {
        settings("validation");
    }

    /** The resolved, validated settings; {@code defaultClientId} applies when clientId is not set. */
    InboundSettings settings(String defaultClientId) throws InvalidPropertyException {
        try {
            return InboundSettings.parse(properties(), Placeholders.fromSystem(), defaultClientId);
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException(e.getMessage());
        }
    }

    /** Every property by its name, as configured (placeholders unresolved). */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("topicFilter", topicFilter);
        p.put("qos", qos);
        p.put("sharedSubscriptionGroup", sharedSubscriptionGroup);
        p.put("cleanStart", cleanStart);
        p.put("sessionExpiryInterval", sessionExpiryInterval);
        p.put("maxConcurrency", maxConcurrency);
        p.put("lanes", lanes);
        p.put("maxPendingMessages", maxPendingMessages);
        p.put("maxRetries", maxRetries);
        p.put("retryBackoff", retryBackoff);
        p.put("retryBackoffMax", retryBackoffMax);
        p.put("deadLetterTopic", deadLetterTopic);
        p.put("publishTimeout", publishTimeout);
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
        return p;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
        this.resourceAdapter = ra;
    }

    public String getTopicFilter() {
        return topicFilter;
    }

    public void setTopicFilter(String topicFilter) {
        this.topicFilter = topicFilter;
    }

    public String getQos() {
        return qos;
    }

    public void setQos(String qos) {
        this.qos = qos;
    }

    public String getSharedSubscriptionGroup() {
        return sharedSubscriptionGroup;
    }

    public void setSharedSubscriptionGroup(String sharedSubscriptionGroup) {
        this.sharedSubscriptionGroup = sharedSubscriptionGroup;
    }

    public String getCleanStart() {
        return cleanStart;
    }

    public void setCleanStart(String cleanStart) {
        this.cleanStart = cleanStart;
    }

    public String getSessionExpiryInterval() {
        return sessionExpiryInterval;
    }

    public void setSessionExpiryInterval(String sessionExpiryInterval) {
        this.sessionExpiryInterval = sessionExpiryInterval;
    }

    public String getMaxConcurrency() {
        return maxConcurrency;
    }

    public void setMaxConcurrency(String maxConcurrency) {
        this.maxConcurrency = maxConcurrency;
    }

    public String getLanes() {
        return lanes;
    }

    public void setLanes(String lanes) {
        this.lanes = lanes;
    }

    public String getMaxPendingMessages() {
        return maxPendingMessages;
    }

    public void setMaxPendingMessages(String maxPendingMessages) {
        this.maxPendingMessages = maxPendingMessages;
    }

    public String getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(String maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getRetryBackoff() {
        return retryBackoff;
    }

    public void setRetryBackoff(String retryBackoff) {
        this.retryBackoff = retryBackoff;
    }

    public String getRetryBackoffMax() {
        return retryBackoffMax;
    }

    public void setRetryBackoffMax(String retryBackoffMax) {
        this.retryBackoffMax = retryBackoffMax;
    }

    public String getDeadLetterTopic() {
        return deadLetterTopic;
    }

    public void setDeadLetterTopic(String deadLetterTopic) {
        this.deadLetterTopic = deadLetterTopic;
    }

    public String getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(String publishTimeout) {
        this.publishTimeout = publishTimeout;
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

    @Override
    public String toString() {
        return "MqttActivationSpec[serverUris=" + serverUris + ", clientId=" + clientId + ", topicFilter="
                + topicFilter + ", sharedSubscriptionGroup=" + sharedSubscriptionGroup + "]";
    }
}
