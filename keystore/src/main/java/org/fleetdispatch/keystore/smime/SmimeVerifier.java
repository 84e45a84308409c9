package org.fleetdispatch.keystore.smime;

import org.fleetdispatch.keystore.pki.DistinguishedName;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerId;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;
import org.fleetdispatch.keystore.error.SignatureVerificationException;
import org.fleetdispatch.keystore.error.SignatureVerificationException.Reason;
import org.fleetdispatch.keystore.pki.Crypto;

/**
 * Verifies S/MIME signed governance and permissions documents as DDS Security requires.
 *
 * <p>Stricter than {@code openssl smime -verify -CAfile CA}, which accepts any signer whose
 * certificate chains to the CA: here the signer must be one of the configured Permissions CA
 * certificates, recognised by its public key (a CA with the same name but another key is someone
 * else), and the signature is checked with the configured certificate's key, never with a key the
 * message brings along. Fast-DDS gets the same effect with {@code PKCS7_NOINTERN}.
 *
 * <p>Expired signing CA: the configured Permissions CA must be valid at the instant of
 * verification; a document from an expired CA is refused ({@link Reason#SIGNER_NOT_VALID}),
 * as Fast-DDS and Cyclone DDS refuse it (ADR 0024).
 */
public final class SmimeVerifier {

    private static final Set<ASN1ObjectIdentifier> DIGESTS = Set.of(
            NISTObjectIdentifiers.id_sha256, NISTObjectIdentifiers.id_sha384, NISTObjectIdentifiers.id_sha512);

    private final List<X509Certificate> permissionsCas;

    /**
     * @param permissionsCas the Permissions CA and any alternative Permissions CAs (e.g. every
     *     certificate of a permissions_ca.cert.pem bundle); each may sign
     */
    public SmimeVerifier(List<X509Certificate> permissionsCas) {
        if (permissionsCas.isEmpty()) {
            throw new IllegalArgumentException("a Permissions CA certificate is required");
        }
        this.permissionsCas = List.copyOf(permissionsCas);
    }

    public SmimeVerifier(X509Certificate permissionsCa) {
        this(List.of(permissionsCa));
    }

    /**
     * @param message the {@code .p7s} file's bytes
     * @param source the document's name for messages
     * @param at the instant the Permissions CA must be valid at
     * @throws SignatureVerificationException with the precise reason
     */
    public SignedDocument verify(byte[] message, String source, Instant at) {
        MimeMessage.Entity outer = MimeMessage.entity(message);
        String contentType = outer.header("Content-Type").orElseThrow(() -> new SignatureVerificationException(source,
                Reason.NOT_SIGNED, "not an S/MIME signed document: no MIME Content-Type header (plain XML?)"));
        String media = MimeMessage.mediaType(contentType);
        if (media.equals("application/pkcs7-mime") || media.equals("application/x-pkcs7-mime")) {
            throw new SignatureVerificationException(source, Reason.NOT_SIGNED,
                    "opaque " + media + " is not accepted: DDS Security documents are detached multipart/signed");
        }
        if (!media.equals("multipart/signed")) {
            throw new SignatureVerificationException(source, Reason.NOT_SIGNED,
                    "not an S/MIME signed document: Content-Type is " + media + ", not multipart/signed");
        }
        String protocol = MimeMessage.parameter(contentType, "protocol").orElse("").toLowerCase();
        if (!protocol.equals("application/x-pkcs7-signature") && !protocol.equals("application/pkcs7-signature")) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "multipart/signed protocol \"" + protocol + "\" is not PKCS#7");
        }
        String boundary = MimeMessage.parameter(contentType, "boundary").filter(b -> !b.isEmpty())
                .orElseThrow(() -> new SignatureVerificationException(source, Reason.MALFORMED, "multipart/signed without boundary"));
        List<byte[]> parts = MimeMessage.parts(outer.body(), boundary);
        if (parts.size() != 2) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "multipart/signed must have exactly two parts (content, signature), found " + parts.size());
        }
        byte[] signedBytes = Canonical.crlf(parts.get(0));
        byte[] content = textContent(signedBytes, source);
        CMSSignedData cms = signature(parts.get(1), signedBytes, source);
        SignerInformation signer = onlySigner(cms, source);
        X509Certificate ca = signingCa(cms, signer, source);
        checkSignature(signer, ca.getPublicKey(), source);
        checkValidity(ca, at, source);
        return new SignedDocument(content, ca, signingTime(signer));
    }

    private static byte[] textContent(byte[] signedBytes, String source) {
        MimeMessage.Entity entity = MimeMessage.entity(signedBytes);
        String type = entity.header("Content-Type").map(MimeMessage::mediaType).orElse(null);
        if (!"text/plain".equals(type)) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "the signed part is " + (type == null ? "not a MIME entity" : type)
                            + "; DDS Security documents are signed as text/plain (openssl smime -sign -text)");
        }
        return entity.body();
    }

    private static CMSSignedData signature(byte[] part, byte[] signedBytes, String source) {
        MimeMessage.Entity entity = MimeMessage.entity(part);
        String type = entity.header("Content-Type").map(MimeMessage::mediaType).orElse("");
        if (!type.equals("application/x-pkcs7-signature") && !type.equals("application/pkcs7-signature")) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "second part is \"" + type + "\", not application/pkcs7-signature");
        }
        String encoding = entity.header("Content-Transfer-Encoding").orElse("base64").trim();
        if (!encoding.equalsIgnoreCase("base64")) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "signature part encoded as " + encoding + ", not base64");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(entity.body());
            return new CMSSignedData(new CMSProcessableByteArray(signedBytes), der);
        } catch (IllegalArgumentException | CMSException e) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "signature part is not a PKCS#7 SignedData: " + e.getMessage(), e);
        }
    }

    private static SignerInformation onlySigner(CMSSignedData cms, String source) {
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.size() != 1) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "PKCS#7 SignedData has " + signers.size() + " signers; exactly one (the Permissions CA) is expected");
        }
        SignerInformation signer = signers.iterator().next();
        if (!DIGESTS.contains(signer.getDigestAlgorithmID().getAlgorithm())) {
            throw new SignatureVerificationException(source, Reason.MALFORMED,
                    "digest algorithm " + signer.getDigestAlgorithmID().getAlgorithm() + " is not SHA-2");
        }
        return signer;
    }

    // The signer must be a configured CA. When the message embeds the signer's certificate, its
    // key decides; otherwise the signer identifier must name a configured CA.
    private X509Certificate signingCa(CMSSignedData cms, SignerInformation signer, String source) {
        SignerId sid = signer.getSID();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> embedded = cms.getCertificates().getMatches((Selector<X509CertificateHolder>) sid);
        if (!embedded.isEmpty()) {
            X509Certificate signerCert = toCertificate(embedded.iterator().next(), source);
            for (X509Certificate ca : permissionsCas) {
                if (ca.getPublicKey().equals(signerCert.getPublicKey())) {
                    return ca;
                }
            }
            throw new SignatureVerificationException(source, Reason.SIGNER_NOT_PERMISSIONS_CA, whyNotCa(signerCert));
        }
        for (X509Certificate ca : permissionsCas) {
            if (sid.match(holder(ca, source))) {
                return ca;
            }
        }
        throw new SignatureVerificationException(source, Reason.SIGNER_NOT_PERMISSIONS_CA,
                "signer (issuer " + sid.getIssuer() + ", serial " + (sid.getSerialNumber() == null ? "?" : sid.getSerialNumber().toString(16))
                        + ") is not the Permissions CA " + caNames());
    }

    private String whyNotCa(X509Certificate signer) {
        String name = DistinguishedName.display(signer.getSubjectX500Principal());
        for (X509Certificate ca : permissionsCas) {
            if (signer.getIssuerX500Principal().equals(ca.getSubjectX500Principal()) && !selfSigned(signer)
                    && verifiesWith(signer, ca.getPublicKey())) {
                return "signer " + name + " is a certificate issued by the Permissions CA, not the Permissions CA itself;"
                        + " DDS Security accepts documents signed by the CA only";
            }
            if (signer.getSubjectX500Principal().equals(ca.getSubjectX500Principal())) {
                return "signer has the Permissions CA's name (" + name + ") but a different key: another CA";
            }
        }
        return "signer " + name + " is not the Permissions CA " + caNames();
    }

    private String caNames() {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate ca : permissionsCas) {
            sb.append(sb.length() == 0 ? "" : " or ").append(DistinguishedName.display(ca.getSubjectX500Principal()));
        }
        return "(" + sb + ")";
    }

    private static void checkSignature(SignerInformation signer, PublicKey caKey, String source) {
        boolean ok;
        try {
            ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Crypto.PROVIDER).build(caKey));
        } catch (CMSSignerDigestMismatchException e) {
            throw new SignatureVerificationException(source, Reason.DIGEST_MISMATCH,
                    "content digest does not match the signed message digest: the document was altered after signing", e);
        } catch (CMSException | OperatorCreationException e) {
            throw new SignatureVerificationException(source, Reason.BAD_SIGNATURE,
                    "signature cannot be verified with the Permissions CA's key: " + e.getMessage(), e);
        }
        if (!ok) {
            throw new SignatureVerificationException(source, Reason.BAD_SIGNATURE,
                    "signature does not verify with the Permissions CA's key");
        }
    }

    private static void checkValidity(X509Certificate ca, Instant at, String source) {
        Date when = Date.from(at);
        String name = DistinguishedName.display(ca.getSubjectX500Principal());
        if (when.after(ca.getNotAfter())) {
            throw new SignatureVerificationException(source, Reason.SIGNER_NOT_VALID,
                    "Permissions CA " + name + " expired " + ca.getNotAfter().toInstant() + " (checked at " + at + ")");
        }
        if (when.before(ca.getNotBefore())) {
            throw new SignatureVerificationException(source, Reason.SIGNER_NOT_VALID,
                    "Permissions CA " + name + " is not valid before " + ca.getNotBefore().toInstant() + " (checked at " + at + ")");
        }
    }

    private static Optional<Instant> signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute a = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (a == null || a.getAttrValues().size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean selfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal()) && verifiesWith(c, c.getPublicKey());
    }

    private static boolean verifiesWith(X509Certificate c, PublicKey key) {
        try {
            c.verify(key, Crypto.PROVIDER);
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }

    private static X509Certificate toCertificate(X509CertificateHolder h, String source) {
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (CertificateException e) {
            throw new SignatureVerificationException(source, Reason.MALFORMED, "embedded signer certificate is invalid", e);
        }
    }

    private static X509CertificateHolder holder(X509Certificate c, String source) {
        try {
            return new X509CertificateHolder(c.getEncoded());
        } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
            throw new SignatureVerificationException(source, Reason.MALFORMED, "Permissions CA certificate cannot be encoded", e);
        }
    }
}
