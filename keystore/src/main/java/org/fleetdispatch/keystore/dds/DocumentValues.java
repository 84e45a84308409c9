package org.fleetdispatch.keystore.dds;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.fleetdispatch.keystore.error.DocumentException;

/**
 * Typed values of schema-valid documents, with the semantic checks the schemas cannot express.
 * Every refusal names the element.
 */
public final class DocumentValues {

    private DocumentValues() {
    }

    /** An xs:boolean the schema already accepted: {@code true}, {@code false}, {@code 1}, {@code 0}. */
    public static boolean bool(XmlElement e) {
        String v = e.text();
        return v.equals("true") || v.equals("1");
    }

    /**
     * An xs:dateTime; without a time zone it is UTC, as the OMG examples ("in GMT") and SROS 2
     * intend.
     */
    public static Instant dateTime(XmlElement e) {
        String v = e.text();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw fail(e, v, "\"" + v + "\" is not an xs:dateTime");
            }
        }
    }

    /**
     * A {@code <domains>} element: ids, closed ranges and open ranges, each within
     * 0..{@value DomainIdSet#MAX_DOMAIN_ID} and with min not above max.
     */
    public static DomainIdSet domains(XmlElement domains) {
        List<DomainIdSet.Range> ranges = new ArrayList<>();
        for (XmlElement c : domains.children()) {
            if (c.name().equals("id")) {
                int id = domainId(c);
                ranges.add(new DomainIdSet.Range(id, id));
            } else if (c.name().equals("id_range")) {
                int min = c.child("min").map(DocumentValues::domainId).orElse(0);
                int max = c.child("max").map(DocumentValues::domainId).orElse(DomainIdSet.MAX_DOMAIN_ID);
                if (min > max) {
                    throw fail(c, min + ".." + max, "invalid range: min (" + min + ") is greater than max (" + max + ")");
                }
                ranges.add(new DomainIdSet.Range(min, max));
            }
        }
        if (ranges.isEmpty()) {
            throw fail(domains, null, "no id or id_range");
        }
        return new DomainIdSet(ranges);
    }

    private static int domainId(XmlElement e) {
        String v = e.text();
        long id;
        try {
            id = Long.parseLong(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException ex) {
            throw fail(e, v, "domain id \"" + v + "\" is not a non-negative integer");
        }
        if (id < 0 || id > DomainIdSet.MAX_DOMAIN_ID) {
            throw fail(e, v, "domain id " + v + " is outside 0.." + DomainIdSet.MAX_DOMAIN_ID
                    + " (the ids RTPS can map to ports)");
        }
        return (int) id;
    }

    /** A topic expression: fnmatch, and never empty (an empty expression matches no topic name). */
    public static NamePattern topicExpression(XmlElement e) {
        String v = e.text();
        if (v.isEmpty()) {
            throw fail(e, v, "empty topic expression");
        }
        return NamePattern.compile(v);
    }

    public static DocumentException fail(XmlElement e, String value, String reason) {
        return new DocumentException(e.source(), e.path(), e.line(), value, reason);
    }
}
