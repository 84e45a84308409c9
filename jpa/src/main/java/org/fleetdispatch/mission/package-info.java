/**
 * Missions: a tree of nodes for one robot (or any idle one), queued per robot, run by the dispatcher.
 *
 * <p>{@link org.fleetdispatch.mission.Mission} changes only through its verbs (submit, start,
 * leafFinished, cancel, fail, updateRoutes …), each of which keeps the node statuses, the mission state,
 * {@code current_node} and the timestamps consistent. The order currently sent to the robot is kept with
 * the mission, so a restarted server can send it again, byte for byte.
 */
package org.fleetdispatch.mission;
