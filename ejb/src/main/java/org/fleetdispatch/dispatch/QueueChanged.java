package org.fleetdispatch.dispatch;

/**
 * CDI event: a robot may be able to start a mission now (one was queued for it, it came online, it
 * left teleoperation), or a mission without a robot was submitted ({@code robot} is {@code null}).
 * Observed after commit.
 */
public record QueueChanged(String robot) {
}
