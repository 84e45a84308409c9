package org.fleetdispatch.keystore.governance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fleetdispatch.keystore.dds.DocumentSchema;
import org.fleetdispatch.keystore.dds.DocumentValues;
import org.fleetdispatch.keystore.dds.XmlDocuments;
import org.fleetdispatch.keystore.dds.XmlElement;

/**
 * A parsed, schema-valid governance document.
 *
 * <p>Validation is strict against the OMG XSD: elements in schema order, booleans as
 * {@code true/false/1/0} (not Cyclone DDS's {@code TRUE}), protection kinds from the enumeration;
 * beyond the schema, domain ids within 0..232, ranges with min &lt;= max, and no empty
 * topic_expression (Fast-DDS refuses one too). See ADR 0023.
 */
public final class Governance {

    private final String source;
    private final List<DomainRule> domainRules;

    private Governance(String source, List<DomainRule> domainRules) {
        this.source = source;
        this.domainRules = List.copyOf(domainRules);
    }

    /**
     * @param xml the document (unsigned XML, e.g. the content of a verified governance.p7s)
     * @param source the name used in messages
     * @throws org.fleetdispatch.keystore.error.DocumentException naming element and reason
     */
    public static Governance parse(byte[] xml, String source) {
        XmlElement dds = XmlDocuments.parse(xml, source, DocumentSchema.GOVERNANCE);
        List<DomainRule> rules = new ArrayList<>();
        int number = 0;
        for (XmlElement dr : dds.required("domain_access_rules").children("domain_rule")) {
            rules.add(domainRule(++number, dr));
        }
        return new Governance(source, rules);
    }

    private static DomainRule domainRule(int number, XmlElement e) {
        List<TopicRule> topicRules = new ArrayList<>();
        int n = 0;
        for (XmlElement tr : e.required("topic_access_rules").children("topic_rule")) {
            topicRules.add(new TopicRule(++n, tr.line(),
                    DocumentValues.topicExpression(tr.required("topic_expression")),
                    DocumentValues.bool(tr.required("enable_discovery_protection")),
                    DocumentValues.bool(tr.required("enable_liveliness_protection")),
                    DocumentValues.bool(tr.required("enable_read_access_control")),
                    DocumentValues.bool(tr.required("enable_write_access_control")),
                    kind(tr.required("metadata_protection_kind")),
                    kind(tr.required("data_protection_kind"))));
        }
        return new DomainRule(number, e.line(),
                DocumentValues.domains(e.required("domains")),
                DocumentValues.bool(e.required("allow_unauthenticated_participants")),
                DocumentValues.bool(e.required("enable_join_access_control")),
                kind(e.required("discovery_protection_kind")),
                kind(e.required("liveliness_protection_kind")),
                kind(e.required("rtps_protection_kind")),
                topicRules);
    }

    private static ProtectionKind kind(XmlElement e) {
        return ProtectionKind.valueOf(e.text());
    }

    /** The document's name (usually its file). */
    public String source() {
        return source;
    }

    public List<DomainRule> domainRules() {
        return domainRules;
    }

    /** The first domain_rule whose domains contain the id (DDS-Security 9.4.1.2.3). */
    public Optional<DomainRule> domainRule(int domainId) {
        for (DomainRule r : domainRules) {
            if (r.domains().contains(domainId)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
