package org.fleetdispatch.mqtt.inbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.transaction.xa.XAResource;
import org.fleetdispatch.mqtt.MqttClientStatus;
import org.fleetdispatch.mqtt.internal.OutboundClient;

/**
 * The MQTT 5 resource adapter: one subscription per message-driven bean, and the shared place where
 * connection factories register their clients so that every factory can report the state of every
 * client ({@link org.fleetdispatch.mqtt.MqttConnectionFactory#clientStatus()}).
 *
 * <p>Deliveries run as {@link Work} on the server's work manager; timers (reconnect and retry backoff)
 * on two daemon threads owned by the adapter and stopped with it.
 */
@Connector(
        displayName = "Fleet Dispatch MQTT 5",
        description = "MQTT 5 resource adapter over Eclipse Paho: at-least-once into message-driven beans, "
                + "ordered per topic; blocking publish through a shared client",
        vendorName = "Fleet Dispatch",
        eisType = "MQTT 5",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class MqttResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(MqttResourceAdapter.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Map<Key, InboundActivation> activations = new ConcurrentHashMap<>();
    private final Set<OutboundClient> outboundClients = ConcurrentHashMap.newKeySet();
    private volatile BootstrapContext context;
    private volatile ScheduledThreadPoolExecutor scheduler;
    private volatile Executor executor;
    private volatile ExecutorService ownThreads;

    @Override
    public void start(BootstrapContext ctx) throws ResourceAdapterInternalException {
        this.context = ctx;
        this.scheduler = newScheduler();
        WorkManager wm = ctx == null ? null : ctx.getWorkManager();
        if (wm == null) {
            AtomicInteger n = new AtomicInteger();
            ownThreads = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fleetdispatch-mqtt-delivery-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            this.executor = ownThreads;
        } else {
            this.executor = workManagerExecutor(wm);
        }
        LOG.info("MQTT resource adapter started");
    }

    @Override
    public void stop() {
        for (Key k : List.copyOf(activations.keySet())) {
            InboundActivation a = activations.remove(k);
            if (a != null) {
                a.stop(STOP_TIMEOUT);
            }
        }
        for (OutboundClient c : List.copyOf(outboundClients)) {
            outboundClients.remove(c);
            c.close();
        }
        ScheduledThreadPoolExecutor s = scheduler;
        if (s != null) {
            s.shutdownNow();
        }
        ExecutorService own = ownThreads;
        if (own != null) {
            own.shutdownNow();
        }
        LOG.info("MQTT resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        if (!(spec instanceof MqttActivationSpec mqtt)) {
            throw new NotSupportedException("not an MQTT activation spec: " + spec);
        }
        String name = activationName(factory);
        InboundSettings settings = mqtt.settings(defaultClientId(name));
        TransactionSynchronizationRegistry registry = context == null ? null
                : context.getTransactionSynchronizationRegistry();
        InboundActivation activation = new InboundActivation(name, settings, factory, registry, executor, scheduler);
        activations.put(new Key(factory, spec), activation);
        activation.start();
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
        InboundActivation a = activations.remove(new Key(factory, spec));
        if (a != null) {
            a.stop(STOP_TIMEOUT);
        }
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    /** Every client this adapter runs: inbound activations and registered outbound clients. */
    public List<MqttClientStatus> clientStatus() {
        List<MqttClientStatus> all = new ArrayList<>();
        for (OutboundClient c : outboundClients) {
            all.add(c.status());
        }
        for (InboundActivation a : activations.values()) {
            all.add(a.status());
        }
        return all;
    }

    /** A connection factory's client: reported by {@link #clientStatus()} and closed when the adapter stops. */
    public void register(OutboundClient outbound) {
        outboundClients.add(outbound);
    }

    public void unregister(OutboundClient outbound) {
        outboundClients.remove(outbound);
    }

    /** Timers shared with connection factories. */
    public java.util.concurrent.ScheduledExecutorService scheduler() {
        ScheduledThreadPoolExecutor s = scheduler;
        if (s == null) {
            throw new IllegalStateException("the MQTT resource adapter is not started");
        }
        return s;
    }

    /** The activations, for tests in this package. */
    List<InboundActivation> activations() {
        return List.copyOf(activations.values());
    }

    static ScheduledThreadPoolExecutor newScheduler() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "fleetdispatch-mqtt-timer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(2, tf);
        s.setRemoveOnCancelPolicy(true);
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        s.setKeepAliveTime(30, TimeUnit.SECONDS);
        return s;
    }

    private static Executor workManagerExecutor(WorkManager wm) {
        return r -> {
            try {
                wm.scheduleWork(new Work() {
                    @Override
                    public void run() {
                        r.run();
                    }

                    @Override
                    public void release() {
                    }
                });
            } catch (WorkException e) {
                throw new RejectedExecutionException(e);
            }
        };
    }

    private static String activationName(MessageEndpointFactory factory) {
        String n = null;
        try {
            n = factory.getActivationName();
        } catch (RuntimeException | AbstractMethodError e) {
            // JCA 1.6 container
        }
        return n == null ? "endpoint-" + Integer.toHexString(System.identityHashCode(factory)) : n;
    }

    /**
     * A client id that is the same every time this bean is activated on this host, so that a persistent
     * session is found again after a restart: {@code fd-} and a hash of host name and activation name.
     */
    static String defaultClientId(String activationName) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((host + "|" + activationName).getBytes(StandardCharsets.UTF_8));
            return "fd-" + HexFormat.of().formatHex(d, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Activations are keyed by identity of factory and spec, as the container passes the same pair. */
    private record Key(MessageEndpointFactory factory, ActivationSpec spec) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.factory == factory && k.spec == spec;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(factory) * 31 + System.identityHashCode(spec);
        }
    }

    // JavaBean equality as the Connectors spec asks of a ResourceAdapter (no config properties).
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
