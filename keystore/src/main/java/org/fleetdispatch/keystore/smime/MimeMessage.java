package org.fleetdispatch.keystore.smime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The little of MIME an S/MIME signed document needs, read the way OpenSSL reads it
 * ({@code SMIME_read_ASN1} and {@code multi_split}): headers up to the first empty line, parts
 * between boundary lines, each part's lines re-joined with CRLF and the line end before the next
 * boundary dropped.
 */
final class MimeMessage {

    /** A MIME entity: headers (names lower-cased) and body bytes. */
    record Entity(Map<String, String> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    private MimeMessage() {
    }

    /** Splits headers from body; empty headers if the text does not start with a header block. */
    static Entity entity(byte[] data) {
        Map<String, String> headers = new LinkedHashMap<>();
        int pos = 0;
        String lastName = null;
        while (pos < data.length) {
            int eol = indexOf(data, (byte) '\n', pos);
            int lineEnd = eol < 0 ? data.length : eol;
            String line = new String(data, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            line = stripCr(line);
            int next = eol < 0 ? data.length : eol + 1;
            if (line.isEmpty()) {
                return new Entity(headers, slice(data, next, data.length));
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && lastName != null) {
                headers.put(lastName, headers.get(lastName) + " " + line.trim());
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0 || !isToken(line.substring(0, colon))) {
                    // Not a header block at all (e.g. plain XML): no headers, everything is body.
                    return new Entity(Map.of(), data);
                }
                lastName = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                headers.put(lastName, line.substring(colon + 1).trim());
            }
            pos = next;
        }
        return new Entity(headers, new byte[0]);
    }

    /** The value of a parameter of a structured header, e.g. boundary of a Content-Type. */
    static Optional<String> parameter(String headerValue, String name) {
        for (String part : splitParams(headerValue)) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).trim().equalsIgnoreCase(name)) {
                String v = part.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The media type of a Content-Type value, lower-cased, without parameters. */
    static String mediaType(String headerValue) {
        int semi = headerValue.indexOf(';');
        return (semi < 0 ? headerValue : headerValue.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The parts of a multipart body, as OpenSSL's multi_split cuts them; empty if the closing
     * boundary never comes.
     */
    static List<byte[]> parts(byte[] body, String boundary) {
        List<byte[]> parts = new ArrayList<>();
        ByteArrayOutputStream part = null;
        boolean first = true;
        boolean eol = false;
        int pos = 0;
        while (pos < body.length) {
            int nl = indexOf(body, (byte) '\n', pos);
            int end = nl < 0 ? body.length : nl + 1;
            byte[] line = slice(body, pos, end);
            pos = end;
            int state = boundaryState(line, boundary);
            if (state == 1) {
                if (part != null) {
                    parts.add(part.toByteArray());
                }
                part = new ByteArrayOutputStream();
                first = true;
            } else if (state == 2) {
                if (part != null) {
                    parts.add(part.toByteArray());
                }
                return parts;
            } else if (part != null) {
                int len = line.length;
                boolean nextEol = false;
                while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
                    nextEol |= line[len - 1] == '\n';
                    len--;
                }
                if (!first && eol) {
                    part.write('\r');
                    part.write('\n');
                }
                first = false;
                eol = nextEol;
                part.write(line, 0, len);
            }
        }
        return List.of();
    }

    // 0: not a boundary line, 1: a part starts, 2: the closing boundary.
    private static int boundaryState(byte[] line, String boundary) {
        String s = new String(line, StandardCharsets.ISO_8859_1);
        String b = "--" + boundary;
        if (!s.startsWith(b)) {
            return 0;
        }
        String rest = s.substring(b.length());
        if (rest.startsWith("--")) {
            return 2;
        }
        return rest.isBlank() ? 1 : 0;
    }

    private static List<String> splitParams(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ';' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (char c : s.toCharArray()) {
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String stripCr(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    private static int indexOf(byte[] data, byte b, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        byte[] out = new byte[to - from];
        System.arraycopy(data, from, out, 0, out.length);
        return out;
    }
}
