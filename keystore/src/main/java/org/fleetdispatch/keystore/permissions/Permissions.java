package org.fleetdispatch.keystore.permissions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fleetdispatch.keystore.dds.DocumentSchema;
import org.fleetdispatch.keystore.dds.DocumentValues;
import org.fleetdispatch.keystore.dds.NamePattern;
import org.fleetdispatch.keystore.dds.XmlDocuments;
import org.fleetdispatch.keystore.dds.XmlElement;
import org.fleetdispatch.keystore.error.DocumentException;
import org.fleetdispatch.keystore.error.GrantException;
import org.fleetdispatch.keystore.pki.DistinguishedName;
import org.fleetdispatch.keystore.pki.Validity;

/**
 * A parsed, schema-valid permissions document.
 *
 * <p>Beyond the OMG XSD it refuses: a subject_name that is not a distinguished name, two grants
 * for the same subject (compared as distinguished names), a validity that ends before it starts,
 * domain ids outside 0..232 or ranges with min above max, and empty topic expressions.
 */
public final class Permissions {

    private final String source;
    private final List<Grant> grants;

    public Permissions(String source, List<Grant> grants) {
        this.source = source;
        this.grants = List.copyOf(grants);
    }

    /**
     * @param xml the document (unsigned XML, e.g. the content of a verified permissions.p7s)
     * @param source the name used in messages
     * @throws DocumentException naming element and reason
     */
    public static Permissions parse(byte[] xml, String source) {
        XmlElement dds = XmlDocuments.parse(xml, source, DocumentSchema.PERMISSIONS);
        List<Grant> grants = new ArrayList<>();
        for (XmlElement g : dds.required("permissions").children("grant")) {
            Grant grant = grant(g);
            for (Grant earlier : grants) {
                if (earlier.subject().equals(grant.subject())) {
                    throw DocumentValues.fail(g.required("subject_name"), grant.subject().toString(),
                            "second grant for subject \"" + grant.subject() + "\" (grant \"" + earlier.name() + "\" at line "
                                    + earlier.line() + " has it): exactly one grant per subject");
                }
            }
            grants.add(grant);
        }
        return new Permissions(source, grants);
    }

    private static Grant grant(XmlElement g) {
        XmlElement subjectElement = g.required("subject_name");
        DistinguishedName subject;
        try {
            subject = DistinguishedName.parse(subjectElement.text());
        } catch (IllegalArgumentException e) {
            throw DocumentValues.fail(subjectElement, subjectElement.text(), e.getMessage());
        }
        XmlElement validity = g.required("validity");
        Instant notBefore = DocumentValues.dateTime(validity.required("not_before"));
        Instant notAfter = DocumentValues.dateTime(validity.required("not_after"));
        if (notAfter.isBefore(notBefore)) {
            throw DocumentValues.fail(validity, notBefore + ".." + notAfter, "not_after is before not_before");
        }
        List<Rule> rules = new ArrayList<>();
        int number = 0;
        for (XmlElement r : g.children()) {
            Rule.Kind kind = r.name().equals("allow_rule") ? Rule.Kind.ALLOW
                    : r.name().equals("deny_rule") ? Rule.Kind.DENY : null;
            if (kind != null) {
                rules.add(rule(kind, ++number, r));
            }
        }
        boolean defaultAllows = g.required("default").text().equals("ALLOW");
        return new Grant(g.attribute("name").orElse(""), g.line(), subject, new Validity(notBefore, notAfter), rules, defaultAllows);
    }

    private static Rule rule(Rule.Kind kind, int number, XmlElement r) {
        List<Criteria> criteria = new ArrayList<>();
        for (XmlElement c : r.children()) {
            Action action = switch (c.name()) {
                case "publish" -> Action.PUBLISH;
                case "subscribe" -> Action.SUBSCRIBE;
                case "relay" -> Action.RELAY;
                default -> null;
            };
            if (action != null) {
                criteria.add(criteria(action, c));
            }
        }
        return new Rule(kind, number, r.line(), DocumentValues.domains(r.required("domains")), criteria);
    }

    private static Criteria criteria(Action action, XmlElement c) {
        List<NamePattern> topics = new ArrayList<>();
        for (XmlElement t : c.required("topics").children("topic")) {
            topics.add(DocumentValues.topicExpression(t));
        }
        Optional<List<NamePattern>> partitions = c.child("partitions").map(ps -> {
            List<NamePattern> list = new ArrayList<>();
            for (XmlElement p : ps.children("partition")) {
                // An empty <partition/> is the empty-string (default) partition: legitimate.
                list.add(NamePattern.compile(p.text()));
            }
            return list;
        });
        Optional<List<DataTag>> tags = c.child("data_tags").map(ts -> {
            List<DataTag> list = new ArrayList<>();
            for (XmlElement tag : ts.children("tag")) {
                List<XmlElement> names = tag.children("name");
                List<XmlElement> values = tag.children("value");
                for (int i = 0; i < names.size(); i++) {
                    list.add(new DataTag(names.get(i).text(), values.get(i).text()));
                }
            }
            return list;
        });
        return new Criteria(action, c.line(), topics, partitions, tags);
    }

    /** The document's name (usually its file). */
    public String source() {
        return source;
    }

    public List<Grant> grants() {
        return grants;
    }

    /** The grant whose subject_name equals the subject as a distinguished name. */
    public Optional<Grant> grantFor(DistinguishedName subject) {
        for (Grant g : grants) {
            if (g.subject().equals(subject)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    /**
     * The subject's grant, valid at the instant.
     *
     * @throws GrantException when there is none, or it is not valid at that instant
     */
    public Grant validGrantFor(DistinguishedName subject, Instant at) {
        Grant g = grantFor(subject).orElseThrow(() -> new GrantException(source, subject.toString(),
                GrantException.Reason.NO_GRANT, "no grant for subject \"" + subject + "\""));
        checkValid(g, at);
        return g;
    }

    /** @throws GrantException if the grant is not valid at the instant */
    public void checkValid(Grant g, Instant at) {
        if (at.isBefore(g.validity().notBefore())) {
            throw new GrantException(source, g.subject().toString(), GrantException.Reason.NOT_YET_VALID,
                    "grant \"" + g.name() + "\" for \"" + g.subject() + "\" is not valid before "
                            + g.validity().notBefore() + " (decision at " + at + ")");
        }
        if (at.isAfter(g.validity().notAfter())) {
            throw new GrantException(source, g.subject().toString(), GrantException.Reason.EXPIRED,
                    "grant \"" + g.name() + "\" for \"" + g.subject() + "\" expired " + g.validity().notAfter()
                            + " (decision at " + at + ")");
        }
    }
}
