package org.fleetdispatch.keystore.permissions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.dds.NamePattern;

/**
 * Writes grants as a permissions document in the layout SROS 2 writes (no XML declaration, two
 * spaces of indentation, validity in UTC without a zone designator).
 */
public final class PermissionsWriter {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private PermissionsWriter() {
    }

    public static String write(List<Grant> grants) {
        StringBuilder x = new StringBuilder();
        x.append("<dds xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=")
                .append("\"http://www.omg.org/spec/DDS-SECURITY/20170901/omg_shared_ca_permissions.xsd\">\n");
        x.append("  <permissions>\n");
        for (Grant g : grants) {
            x.append("    <grant name=\"").append(escape(g.name())).append("\">\n");
            line(x, 6, "subject_name", g.subject().toString());
            x.append("      <validity>\n");
            line(x, 8, "not_before", date(g.validity().notBefore()));
            line(x, 8, "not_after", date(g.validity().notAfter()));
            x.append("      </validity>\n");
            for (Rule r : g.rules()) {
                rule(x, r);
            }
            line(x, 6, "default", g.defaultAllows() ? "ALLOW" : "DENY");
            x.append("    </grant>\n");
        }
        x.append("  </permissions>\n");
        x.append("</dds>\n");
        return x.toString();
    }

    private static void rule(StringBuilder x, Rule r) {
        String el = r.kind().element();
        x.append("      <").append(el).append(">\n");
        domains(x, r.domains());
        for (Criteria c : r.criteria()) {
            String action = c.action().element();
            x.append("        <").append(action).append(">\n");
            x.append("          <topics>\n");
            for (NamePattern t : c.topics()) {
                line(x, 12, "topic", t.expression());
            }
            x.append("          </topics>\n");
            c.partitions().ifPresent(ps -> {
                x.append("          <partitions>\n");
                for (NamePattern p : ps) {
                    line(x, 12, "partition", p.expression());
                }
                x.append("          </partitions>\n");
            });
            c.dataTags().ifPresent(ts -> {
                x.append("          <data_tags>\n");
                for (DataTag t : ts) {
                    x.append("            <tag>\n");
                    line(x, 14, "name", t.name());
                    line(x, 14, "value", t.value());
                    x.append("            </tag>\n");
                }
                x.append("          </data_tags>\n");
            });
            x.append("        </").append(action).append(">\n");
        }
        x.append("      </").append(el).append(">\n");
    }

    private static void domains(StringBuilder x, DomainIdSet domains) {
        x.append("        <domains>\n");
        for (DomainIdSet.Range r : domains.ranges()) {
            if (r.min() == r.max()) {
                line(x, 10, "id", Integer.toString(r.min()));
            } else {
                x.append("          <id_range>\n");
                line(x, 12, "min", Integer.toString(r.min()));
                line(x, 12, "max", Integer.toString(r.max()));
                x.append("          </id_range>\n");
            }
        }
        x.append("        </domains>\n");
    }

    private static String date(Instant i) {
        return DATE_TIME.format(i.truncatedTo(ChronoUnit.SECONDS));
    }

    private static void line(StringBuilder x, int indent, String element, String text) {
        x.append(" ".repeat(indent)).append('<').append(element).append('>').append(escape(text))
                .append("</").append(element).append(">\n");
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
