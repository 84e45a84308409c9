package org.fleetdispatch.vda5050;

/** The AGV's velocity in vehicle coordinates (section 6.10.6, "velocity"); every field optional. */
public record Velocity(Double vx, Double vy, Double omega) {
}
