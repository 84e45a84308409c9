package org.fleetdispatch.mqtt.testing;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import org.fleetdispatch.mqtt.MqttMessageListener;

/**
 * Stands in for the EJB container: endpoints are proxies that forward {@code onMessage} to a listener
 * and count the JCA calls, so tests can check before/after-delivery pairing and release.
 */
public final class TestEndpointFactory implements MessageEndpointFactory {

    private final String name;
    private final MqttMessageListener listener;
    public final AtomicInteger created = new AtomicInteger();
    public final AtomicInteger before = new AtomicInteger();
    public final AtomicInteger after = new AtomicInteger();
    public final AtomicInteger released = new AtomicInteger();

    public TestEndpointFactory(String name, MqttMessageListener listener) {
        this.name = name;
        this.listener = listener;
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) {
        created.incrementAndGet();
        InvocationHandler h = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                switch (method.getName()) {
                    case "onMessage" -> {
                        try {
                            return method.invoke(listener, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }
                    case "beforeDelivery" -> before.incrementAndGet();
                    case "afterDelivery" -> after.incrementAndGet();
                    case "release" -> released.incrementAndGet();
                    case "toString" -> {
                        return "endpoint of " + name;
                    }
                    case "hashCode" -> {
                        return System.identityHashCode(proxy);
                    }
                    case "equals" -> {
                        return proxy == args[0];
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            }
        };
        return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MessageEndpoint.class, MqttMessageListener.class}, h);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return false;
    }

    @Override
    public String getActivationName() {
        return name;
    }

    @Override
    public Class<?> getEndpointClass() {
        return listener.getClass();
    }
}
