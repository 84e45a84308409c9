/**
 * Security policies turned into DDS-Security permissions: SROS 2 {@code policy.xml} (version
 * 0.2.0, XInclude, profiles of topics, services and actions, {@code ~} and relative names) with
 * the ROS to DDS topic mapping SROS 2's XSLT applies, and the Fleet Dispatch policy form for the
 * dispatcher's own topics with robots as partitions.
 *
 * <p>Output is a {@link org.fleetdispatch.keystore.permissions.Grant} per enclave: deny rule first
 * (so DENY wins), then the allow rule, default DENY.
 */
package org.fleetdispatch.keystore.policy;
