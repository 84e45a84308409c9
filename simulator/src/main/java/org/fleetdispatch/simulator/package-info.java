/**
 * A VDA 5050 2.0 robot simulator: many robots in one process, each with its own MQTT 5 connection (Paho) and
 * last will, all driven by one shared scheduler. Used by the integration tests (in-process, through
 * {@link org.fleetdispatch.simulator.Simulator}), the benchmark and demos (from the command line, through
 * {@link org.fleetdispatch.simulator.SimulatorCommand}).
 *
 * <p>Messages are built and checked with the server's own model and codec ({@code org.fleetdispatch.vda5050}),
 * so a robot never publishes what the server's decoder would refuse. Behaviour follows the specification where
 * a test depends on it (order acceptance and update stitching, cancelOrder, action states, errors, connection
 * and last will); the simplifications are listed in ADR 0062.
 *
 * <p>What must stay out: no server code (JPA, EJB, dispatch); nothing but the VDA 5050 package of the ejb module.
 */
package org.fleetdispatch.simulator;
