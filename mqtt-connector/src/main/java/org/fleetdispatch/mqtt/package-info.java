/**
 * The resource adapter's client contract: what an application compiles against.
 *
 * <p>Message-driven beans implement {@link org.fleetdispatch.mqtt.MqttMessageListener}; code that
 * publishes looks up an {@link org.fleetdispatch.mqtt.MqttConnectionFactory}. This package knows
 * nothing of missions or VDA 5050, and holds no Paho types, so that applications never depend on the
 * client library the adapter happens to use.
 */
package org.fleetdispatch.mqtt;
