package org.fleetdispatch.mqtt;

import java.io.Serializable;
import java.util.Objects;

/** An MQTT 5 user property: a UTF-8 name/value pair; names may repeat within one message. */
public record MqttUserProperty(String name, String value) implements Serializable {

    public MqttUserProperty {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
