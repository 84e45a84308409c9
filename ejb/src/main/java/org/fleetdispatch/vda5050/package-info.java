/**
 * VDA 5050 2.0 on the wire: one immutable record per message ({@link org.fleetdispatch.vda5050.Order},
 * {@link org.fleetdispatch.vda5050.InstantActions}, {@link org.fleetdispatch.vda5050.State},
 * {@link org.fleetdispatch.vda5050.Connection}, {@link org.fleetdispatch.vda5050.Factsheet},
 * {@link org.fleetdispatch.vda5050.Visualization}) and its parts, the MQTT topic scheme
 * ({@link org.fleetdispatch.vda5050.TopicName}, {@link org.fleetdispatch.vda5050.Topic} with QoS and retain per
 * topic), and a strict JSON codec ({@link org.fleetdispatch.vda5050.Vda5050Codec}) that validates every message
 * against the official 2.0.0 JSON schemas.
 *
 * <p>Field and enum spellings are exactly those of the specification, so that the records' component names are
 * the JSON names. Optional fields are boxed and {@code null} when absent; absent fields are not written.
 *
 * <p>What must stay out: no EJB, CDI, JPA or MQTT client types; this package runs in the server and, unchanged,
 * in the robot simulator outside any container (JSON-B and JSON-P only).
 */
package org.fleetdispatch.vda5050;
