package org.fleetdispatch.keystore.pki;

import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.fleetdispatch.keystore.error.CertificateValidationException;
import org.fleetdispatch.keystore.error.CertificateValidationException.Reason;

/**
 * Validates identity certificates against the Identity CA and any alternative CAs, through
 * intermediate CAs, at a given instant, with per-issuer CRLs.
 *
 * <p>Rules (the Connext "Elements of a secure system" chapter and OpenSSL's chain verification):
 * <ul>
 *   <li>A chain is built from the certificate through the presented chain and the configured
 *       intermediates to a trust anchor; an anchor may itself be an intermediate (partial chain).
 *       Issuers are matched by name and proven by signature: a CA with the right name but another
 *       key is not an issuer.</li>
 *   <li>Every certificate on the chain, anchor included, must be valid at the instant and carry
 *       an allowed key (EC P-256 or RSA-2048); every issuer below the anchor must be a CA within
 *       its path length.</li>
 *   <li>A CRL is used only for certificates issued by the CA that signed it (name and signature
 *       both); several CRLs may be configured. A revoked certificate fails. A CRL past its
 *       nextUpdate leaves the revocation status unknown: by default that fails too
 *       ({@link StaleCrlPolicy#REJECT}, as OpenSSL, Fast-DDS and Cyclone DDS do), or it is
 *       reported as a warning ({@link StaleCrlPolicy#WARN}).</li>
 * </ul>
 */
public final class IdentityValidator {

    /** What a CRL past its nextUpdate does to validation. */
    public enum StaleCrlPolicy { REJECT, WARN }

    private static final int MAX_CHAIN = 10;

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final StaleCrlPolicy stalePolicy;

    private IdentityValidator(Builder b) {
        if (b.anchors.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted Identity CA is required");
        }
        this.anchors = List.copyOf(b.anchors);
        this.intermediates = List.copyOf(b.intermediates);
        this.crls = List.copyOf(b.crls);
        this.stalePolicy = b.stalePolicy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Validates the first certificate of {@code certificateAndChain}; the rest is its presented chain. */
    public IdentityValidation validate(List<X509Certificate> certificateAndChain, Instant at) {
        return validate(certificateAndChain.get(0), certificateAndChain.subList(1, certificateAndChain.size()), at);
    }

    /**
     * @param certificate the identity certificate
     * @param presentedChain intermediates that came with it (e.g. the rest of {@code cert.pem})
     * @param at the instant validity, CRL freshness and revocation are judged at
     * @throws CertificateValidationException naming the offending certificate and the reason
     */
    public IdentityValidation validate(X509Certificate certificate, List<X509Certificate> presentedChain, Instant at) {
        Objects.requireNonNull(at, "at");
        List<X509Certificate> path = buildPath(certificate, presentedChain);
        checkKeysAndTimes(path, at);
        checkIssuers(path);
        List<String> warnings = new ArrayList<>();
        checkRevocation(path, at, warnings);
        return new IdentityValidation(path, warnings);
    }

    private List<X509Certificate> buildPath(X509Certificate leaf, List<X509Certificate> presented) {
        List<X509Certificate> untrusted = new ArrayList<>(presented);
        untrusted.addAll(intermediates);
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        X509Certificate current = leaf;
        while (path.size() <= MAX_CHAIN) {
            if (isAnchor(current)) {
                return path;
            }
            boolean nameMatchedWrongKey = false;
            for (X509Certificate anchor : anchors) {
                if (issuedBy(current, anchor)) {
                    if (signedBy(current, anchor)) {
                        path.add(anchor);
                        return path;
                    }
                    nameMatchedWrongKey = true;
                }
            }
            X509Certificate next = null;
            for (X509Certificate candidate : untrusted) {
                if (!path.contains(candidate) && issuedBy(current, candidate)) {
                    if (signedBy(current, candidate)) {
                        next = candidate;
                        break;
                    }
                    nameMatchedWrongKey = true;
                }
            }
            if (next == null) {
                String subject = name(current);
                if (nameMatchedWrongKey) {
                    throw new CertificateValidationException(subject, Reason.BAD_SIGNATURE,
                            "signature does not verify with the key of any CA named " + issuerName(current)
                                    + " (certificate signature failure)");
                }
                if (current.getSubjectX500Principal().equals(current.getIssuerX500Principal())) {
                    throw new CertificateValidationException(subject, Reason.UNKNOWN_ISSUER,
                            "self-signed certificate that is not a trusted Identity CA");
                }
                throw new CertificateValidationException(subject, Reason.UNKNOWN_ISSUER,
                        "issuer " + issuerName(current) + " is neither a trusted Identity CA nor a known intermediate"
                                + " (unable to get local issuer certificate)");
            }
            path.add(next);
            current = next;
        }
        throw new CertificateValidationException(name(leaf), Reason.UNKNOWN_ISSUER,
                "no trusted Identity CA within " + MAX_CHAIN + " certificates");
    }

    private boolean isAnchor(X509Certificate c) {
        for (X509Certificate a : anchors) {
            if (Arrays.equals(encoded(a), encoded(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean issuedBy(X509Certificate c, X509Certificate issuer) {
        return c.getIssuerX500Principal().equals(issuer.getSubjectX500Principal());
    }

    private static boolean signedBy(X509Certificate c, X509Certificate issuer) {
        try {
            c.verify(issuer.getPublicKey(), Crypto.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void checkKeysAndTimes(List<X509Certificate> path, Instant at) {
        Date when = Date.from(at);
        for (X509Certificate c : path) {
            KeyPolicy.refusal(c.getPublicKey()).ifPresent(r -> {
                throw new CertificateValidationException(name(c), Reason.UNSUPPORTED_KEY, r);
            });
            if (when.before(c.getNotBefore())) {
                throw new CertificateValidationException(name(c), Reason.NOT_YET_VALID,
                        "not valid before " + c.getNotBefore().toInstant() + " (checked at " + at + ")");
            }
            if (when.after(c.getNotAfter())) {
                throw new CertificateValidationException(name(c), Reason.EXPIRED,
                        "expired " + c.getNotAfter().toInstant() + " (checked at " + at + ")");
            }
        }
    }

    private static void checkIssuers(List<X509Certificate> path) {
        for (int i = 1; i < path.size(); i++) {
            X509Certificate issuer = path.get(i);
            boolean anchor = i == path.size() - 1;
            int pathLen = issuer.getBasicConstraints();
            // A configured anchor is trusted by configuration (v1 roots have no BasicConstraints);
            // an untrusted intermediate must prove it is a CA.
            if (pathLen < 0 && !anchor) {
                throw new CertificateValidationException(name(issuer), Reason.NOT_A_CA,
                        "issues " + name(path.get(i - 1)) + " but is not a CA (BasicConstraints CA:FALSE or absent)");
            }
            int casBelow = i - 1;
            if (pathLen >= 0 && casBelow > pathLen) {
                throw new CertificateValidationException(name(issuer), Reason.NOT_A_CA,
                        "path length constraint " + pathLen + " exceeded by " + casBelow + " intermediate CA(s) below it");
            }
            boolean[] usage = issuer.getKeyUsage();
            if (usage != null && usage.length > 5 && !usage[5]) {
                throw new CertificateValidationException(name(issuer), Reason.NOT_A_CA,
                        "key usage does not include keyCertSign");
            }
        }
    }

    private void checkRevocation(List<X509Certificate> path, Instant at, List<String> warnings) {
        List<String> stale = new ArrayList<>();
        for (int i = 0; i < path.size() - 1; i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            for (X509CRL crl : crls) {
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    continue;
                }
                if (!crlSignedBy(crl, issuer)) {
                    warnings.add("CRL of " + DistinguishedName.display(crl.getIssuerX500Principal())
                            + " is not signed by that CA's key; ignored");
                    continue;
                }
                X509CRLEntry entry = crl.getRevokedCertificate(cert);
                if (entry != null) {
                    throw new CertificateValidationException(name(cert), Reason.REVOKED,
                            "serial " + cert.getSerialNumber().toString(16).toUpperCase() + " revoked on "
                                    + entry.getRevocationDate().toInstant() + " by the CRL of " + name(issuer));
                }
                Date next = crl.getNextUpdate();
                if (next != null && at.isAfter(next.toInstant())) {
                    stale.add("CRL of " + name(issuer) + " is stale: nextUpdate " + next.toInstant()
                            + " is before " + at + " (CRL has expired)");
                }
            }
        }
        if (!stale.isEmpty()) {
            if (stalePolicy == StaleCrlPolicy.REJECT) {
                throw new CertificateValidationException(name(path.get(0)), Reason.STALE_CRL,
                        String.join("; ", stale) + "; revocation status unknown");
            }
            warnings.addAll(stale);
        }
    }

    private static boolean crlSignedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey(), Crypto.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(X509Certificate c) {
        return DistinguishedName.display(c.getSubjectX500Principal());
    }

    private static String issuerName(X509Certificate c) {
        return DistinguishedName.display(c.getIssuerX500Principal());
    }

    /** Configuration of a validator. */
    public static final class Builder {
        private final List<X509Certificate> anchors = new ArrayList<>();
        private final List<X509Certificate> intermediates = new ArrayList<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private StaleCrlPolicy stalePolicy = StaleCrlPolicy.REJECT;

        /** The Identity CA, or an alternative Identity CA; any number. */
        public Builder trust(List<X509Certificate> cas) {
            anchors.addAll(cas);
            return this;
        }

        public Builder trust(X509Certificate ca) {
            anchors.add(ca);
            return this;
        }

        /** Untrusted intermediate CAs available for building chains. */
        public Builder intermediates(List<X509Certificate> certificates) {
            intermediates.addAll(certificates);
            return this;
        }

        public Builder crls(List<X509CRL> list) {
            crls.addAll(list);
            return this;
        }

        public Builder staleCrl(StaleCrlPolicy policy) {
            this.stalePolicy = Objects.requireNonNull(policy);
            return this;
        }

        public IdentityValidator build() {
            return new IdentityValidator(this);
        }
    }
}
