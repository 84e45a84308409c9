/**
 * Mission trees: the nodes a client submits (Isaac Mission Dispatch's model, JSON-compatible) and the
 * behaviour-tree semantics that decide which leaf runs next.
 *
 * <p>Plain domain code with no persistence or messaging: {@link org.fleetdispatch.mission.tree.MissionTree}
 * validates and normalises a submitted tree, {@link org.fleetdispatch.mission.tree.TreeRun} advances it
 * as leaves finish. Sequences have memory (a completed child is not run again); selectors are
 * fallbacks without memory (each tick tries the children in order, and a child that already failed
 * fails again at once).
 */
package org.fleetdispatch.mission.tree;
