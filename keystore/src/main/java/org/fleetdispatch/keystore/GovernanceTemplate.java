package org.fleetdispatch.keystore;

/**
 * The governance SROS 2 writes at create_keystore ({@code defaults/dds/governance.xml}): one
 * domain_rule for the keystore's domain; no unauthenticated participants; join access control;
 * discovery and liveliness encrypted, RTPS signed; every topic read- and write-controlled and
 * encrypted.
 */
final class GovernanceTemplate {

    private GovernanceTemplate() {
    }

    static String forDomain(int domainId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <dds xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xsi:noNamespaceSchemaLocation="http://www.omg.org/spec/DDS-SECURITY/20170901/omg_shared_ca_governance.xsd">
                  <domain_access_rules>
                    <domain_rule>
                      <domains>
                        <id>%d</id>
                      </domains>
                      <allow_unauthenticated_participants>false</allow_unauthenticated_participants>
                      <enable_join_access_control>true</enable_join_access_control>
                      <discovery_protection_kind>ENCRYPT</discovery_protection_kind>
                      <liveliness_protection_kind>ENCRYPT</liveliness_protection_kind>
                      <rtps_protection_kind>SIGN</rtps_protection_kind>
                      <topic_access_rules>
                        <topic_rule>
                          <topic_expression>*</topic_expression>
                          <enable_discovery_protection>true</enable_discovery_protection>
                          <enable_liveliness_protection>true</enable_liveliness_protection>
                          <enable_read_access_control>true</enable_read_access_control>
                          <enable_write_access_control>true</enable_write_access_control>
                          <metadata_protection_kind>ENCRYPT</metadata_protection_kind>
                          <data_protection_kind>ENCRYPT</data_protection_kind>
                        </topic_rule>
                      </topic_access_rules>
                    </domain_rule>
                  </domain_access_rules>
                </dds>
                """.formatted(domainId);
    }
}
