package org.fleetdispatch.keystore.smime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The S/MIME text canonicalisation OpenSSL applies (SMIME_crlf_copy without SMIME_BINARY). */
final class Canonical {

    static final byte[] TEXT_HEADER = "Content-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private Canonical() {
    }

    /**
     * Every line end (any run of CR and LF closing a line that contains an LF) becomes one CRLF,
     * as OpenSSL's strip_eol does; a last line without a line end stays without one.
     */
    static byte[] crlf(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + in.length / 32 + 2);
        int start = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n') {
                int end = i;
                while (end > start && in[end - 1] == '\r') {
                    end--;
                }
                out.write(in, start, end - start);
                out.write('\r');
                out.write('\n');
                start = i + 1;
            }
        }
        out.write(in, start, in.length - start);
        return out.toByteArray();
    }

    /** What {@code -text} signs: the text/plain header and the content with CRLF line ends. */
    static byte[] textEntity(byte[] content) {
        byte[] body = crlf(content);
        byte[] out = new byte[TEXT_HEADER.length + body.length];
        System.arraycopy(TEXT_HEADER, 0, out, 0, TEXT_HEADER.length);
        System.arraycopy(body, 0, out, TEXT_HEADER.length, body.length);
        return out;
    }
}
