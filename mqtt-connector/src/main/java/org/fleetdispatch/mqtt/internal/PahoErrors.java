package org.fleetdispatch.mqtt.internal;

import org.eclipse.paho.mqttv5.common.MqttException;

/** Turns Paho's exceptions into one line that says what happened, with the reason code. */
public final class PahoErrors {

    private PahoErrors() {
    }

    public static String describe(Throwable e) {
        if (e instanceof MqttException m) {
            StringBuilder s = new StringBuilder();
            s.append(m.getMessage() == null ? "MQTT error" : m.getMessage());
            s.append(" (reason code ").append(m.getReasonCode()).append(')');
            Throwable cause = m.getCause();
            if (cause != null) {
                s.append(": ").append(cause.getClass().getSimpleName());
                if (cause.getMessage() != null) {
                    s.append(": ").append(cause.getMessage());
                }
            }
            return s.toString();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
