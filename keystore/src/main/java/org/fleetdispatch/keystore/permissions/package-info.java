/**
 * The permissions document of OMG DDS-Security 1.1: grants, allow and deny rules, criteria, and
 * their evaluation exactly as the specification words it (section 9.4.1.3): exactly one grant per
 * subject, valid at the instant; rules top to bottom, the first that applies decides; otherwise
 * {@code <default>}. A rule applies when its domains contain the domain and one of its criteria
 * for the action matches topic AND partitions AND data tags. Where Fast-DDS deviates (it ignores
 * {@code <default>ALLOW</default>}, matches topic expressions both ways and stops at the first
 * topic match), this package follows the specification; see ADR 0022.
 */
package org.fleetdispatch.keystore.permissions;
