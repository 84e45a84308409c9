package org.fleetdispatch.keystore.smime;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;

/**
 * A document whose signature verified: the signed content (without its text/plain header, line
 * ends as signed: CRLF), the Permissions CA that signed it, and the claimed signing time.
 */
public record SignedDocument(byte[] content, X509Certificate signer, Optional<Instant> signingTime) {

    public SignedDocument {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content as text with LF line ends, as it was before signing. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
