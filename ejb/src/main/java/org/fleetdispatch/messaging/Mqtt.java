package org.fleetdispatch.messaging;

/** Names shared by the deployment descriptors and the code that looks MQTT resources up. */
public final class Mqtt {

    /**
     * The outbound connection factory. Defined per packaging, because the resource adapter's name
     * differs: {@code WEB-INF/glassfish-resources.xml} of the WAR (Payara Micro, adapter
     * {@code fleetdispatch-mqtt}) and {@code META-INF/glassfish-resources.xml} of the EAR (adapter
     * {@code fleetdispatch#fleetdispatch-mqtt}).
     */
    public static final String CONNECTION_FACTORY = "java:app/fleetdispatch/mqtt";

    private Mqtt() {
    }
}
