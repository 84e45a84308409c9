/**
 * Robots as the dispatcher knows them: identity (VDA 5050 manufacturer and serial number), spec,
 * and the status the robot reports.
 *
 * <p>Entities change through domain verbs ({@code Robot.register}, {@code Robot.reportState}), never
 * through setters, so that every change is one the domain names. Nothing here knows MQTT, JSON or
 * HTTP: the VDA 5050 messages are translated in the ejb module before they reach these verbs.
 */
package org.fleetdispatch.robot;
