/**
 * The governance document of OMG DDS-Security 1.1: its model (one type per schema element), its
 * parser, and the lookups the specification defines: the first domain_rule whose domains contain
 * the domain id, then the first topic_rule whose topic_expression matches the topic name.
 */
package org.fleetdispatch.keystore.governance;
