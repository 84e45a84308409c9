package org.fleetdispatch.keystore.pki;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * A distinguished name compared as DDS Security grants need it: the one definition of subject
 * equality in Fleet Dispatch.
 *
 * <p>Two names are equal when they hold the same relative distinguished names whatever their
 * order (grants are written by hand in any order; OpenSSL prints {@code /C=../CN=..}, RFC 4514
 * prints {@code CN=..,C=..}); each RDN is compared as a set of attribute type and value, so
 * multi-valued RDNs ({@code CN=a+O=b}) match whatever the order inside them but are not the same
 * as two single-valued RDNs. Attribute types compare by OID ({@code S} and {@code ST} are both
 * stateOrProvinceName, {@code E} and {@code emailAddress} both pkcs-9 emailAddress), values by
 * their RFC 4518-style canonical form (case and inner whitespace folded). An attribute missing on
 * one side makes the names different.
 */
public final class DistinguishedName {

    private static final Style STYLE = new Style();

    private final String text;
    private final String canonical;
    private final List<String> rdns;

    private DistinguishedName(String text, X500Name name) {
        this.text = text;
        List<String> keys = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            List<String> avas = new ArrayList<>();
            for (AttributeTypeAndValue ava : rdn.getTypesAndValues()) {
                avas.add(ava.getType().getId() + "=" + IETFUtils.canonicalize(IETFUtils.valueToString(ava.getValue())));
            }
            Collections.sort(avas);
            keys.add(String.join("+", avas));
        }
        Collections.sort(keys);
        this.rdns = List.copyOf(keys);
        this.canonical = String.join(",", keys);
    }

    /**
     * Parses a subject name as written in a grant: RFC 4514 ({@code CN=x,O=y}, with or without
     * spaces after commas) or OpenSSL's one-line form ({@code /O=y/CN=x}).
     *
     * @throws IllegalArgumentException if the text is not a distinguished name
     */
    public static DistinguishedName parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("empty distinguished name");
        }
        String rfc = t.startsWith("/") ? fromOneLine(t) : t;
        X500Name name;
        try {
            name = new X500Name(STYLE, rfc);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an RFC 4514 distinguished name: " + e.getMessage(), e);
        }
        if (name.getRDNs().length == 0) {
            throw new IllegalArgumentException("\"" + text + "\" is not an RFC 4514 distinguished name");
        }
        return new DistinguishedName(text, name);
    }

    public static DistinguishedName of(X500Principal principal) {
        return new DistinguishedName(display(principal), X500Name.getInstance(principal.getEncoded()));
    }

    /**
     * A name for messages, in RFC 4514 order (most specific first) with readable attribute names
     * ({@code E=} rather than the OID and hex the JDK prints for emailAddress).
     */
    public static String display(X500Principal principal) {
        RDN[] rdns = X500Name.getInstance(principal.getEncoded()).getRDNs();
        StringBuilder sb = new StringBuilder();
        for (int i = rdns.length - 1; i >= 0; i--) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            IETFUtils.appendRDN(sb, rdns[i], STYLE.symbols());
        }
        return sb.toString();
    }

    public static DistinguishedName subjectOf(X509Certificate certificate) {
        return of(certificate.getSubjectX500Principal());
    }

    public static DistinguishedName of(X500Name name) {
        return new DistinguishedName(name.toString(), name);
    }

    // OpenSSL's one-line form separates RDNs with unescaped '/'; RFC 4514 wants ','. Order is
    // irrelevant to equality, so the RDNs are simply re-joined.
    private static String fromOneLine(String t) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\\' && i + 1 < t.length()) {
                cur.append(c).append(t.charAt(++i));
            } else if (c == '/') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else if (c == ',') {
                cur.append("\\,");
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        parts.removeIf(String::isBlank);
        return String.join(",", parts);
    }

    /** The name as it was written. */
    @Override
    public String toString() {
        return text;
    }

    /** The order-independent canonical form equality is defined on. */
    public String canonical() {
        return canonical;
    }

    /** Number of relative distinguished names. */
    public int size() {
        return rdns.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistinguishedName && ((DistinguishedName) o).canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** BouncyCastle's style plus the {@code S} abbreviation DDS implementations accept for ST. */
    private static final class Style extends BCStyle {
        @Override
        public ASN1ObjectIdentifier attrNameToOID(String attrName) {
            if (attrName.trim().equalsIgnoreCase("S")) {
                return BCStyle.ST;
            }
            return super.attrNameToOID(attrName);
        }

        java.util.Hashtable<?, ?> symbols() {
            return defaultSymbols;
        }
    }
}
