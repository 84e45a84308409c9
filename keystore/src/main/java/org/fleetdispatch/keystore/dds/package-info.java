/**
 * Primitives shared by the governance and permissions documents of OMG DDS-Security 1.1: domain id
 * sets, fnmatch name patterns, and hardened XML loading with schema validation.
 *
 * <p>Internal to the keystore library: public only because two sibling packages use it. Nothing
 * here knows about grants, rules or keystores.
 */
package org.fleetdispatch.keystore.dds;
