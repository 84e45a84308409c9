package org.fleetdispatch.keystore.pki;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fleetdispatch.keystore.error.KeyMaterialException;

/**
 * A certificate authority: its certificate, its private key, and the chain above it (for an
 * intermediate). Creates CAs and issues identity certificates exactly as SROS 2 does
 * ({@code sros2/_utilities.build_key_and_cert}): EC P-256 keys, ECDSA with SHA-256, random 159-bit
 * serials, X.509 v3 whose only extension is BasicConstraints (CA: critical with a path length;
 * leaf: CA:FALSE, not critical), subjects with a single CN. What SROS 2 hard-codes (ten years) is
 * a parameter here.
 */
public final class CertificateAuthority {

    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final List<X509Certificate> issuers;

    private CertificateAuthority(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {
        this.certificate = certificate;
        this.privateKey = privateKey;
        this.issuers = List.copyOf(issuers);
    }

    /** A new EC P-256 key pair (DDS-Security 9.3.1 calls for prime256v1). */
    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
            g.initialize(new ECGenParameterSpec("secp256r1"), Crypto.random());
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC P-256 key generation is not available", e);
        }
    }

    /** A new self-signed root CA {@code CN=<commonName>} with a fresh P-256 key. */
    public static CertificateAuthority selfSigned(String commonName, Validity validity, int pathLength) {
        KeyPair keys = generateKeyPair();
        X500Name name = commonName(commonName);
        X509Certificate cert = build(name, name, keys.getPublic(), keys.getPrivate(), validity,
                new BasicConstraints(pathLength), true);
        return new CertificateAuthority(cert, keys.getPrivate(), List.of());
    }

    /**
     * An existing CA, as loaded from a keystore.
     *
     * @param issuers the certificates above it up to (and including) the root; empty for a root
     * @throws KeyMaterialException if the key does not belong to the certificate or is not allowed
     */
    public static CertificateAuthority of(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> issuers) {
        String subject = DistinguishedName.display(certificate.getSubjectX500Principal());
        KeyPolicy.refusal(certificate.getPublicKey()).ifPresent(r -> {
            throw new KeyMaterialException("CA " + subject, r);
        });
        if (!keyMatches(certificate.getPublicKey(), privateKey)) {
            throw new KeyMaterialException("CA " + subject, "the private key does not belong to the CA certificate");
        }
        return new CertificateAuthority(certificate, privateKey, issuers);
    }

    /** An intermediate CA (path length 0) below this one, with a fresh P-256 key. */
    public CertificateAuthority issueIntermediate(String commonName, Validity validity) {
        KeyPair keys = generateKeyPair();
        X509Certificate cert = build(commonName(commonName), issuerName(), keys.getPublic(), privateKey, validity,
                new BasicConstraints(0), true);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(certificate);
        chain.addAll(issuers);
        return new CertificateAuthority(cert, keys.getPrivate(), chain);
    }

    /** An identity certificate {@code CN=<commonName>} for the given public key. */
    public X509Certificate issueIdentity(String commonName, PublicKey subjectKey, Validity validity) {
        KeyPolicy.refusal(subjectKey).ifPresent(r -> {
            throw new KeyMaterialException("identity " + commonName, r);
        });
        return build(commonName(commonName), issuerName(), subjectKey, privateKey, validity,
                new BasicConstraints(false), false);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The certificates above this CA, nearest first; empty for a root. */
    public List<X509Certificate> issuers() {
        return issuers;
    }

    /** Whether a private key belongs to a public key: proven by a signature, never assumed. */
    public static boolean keyMatches(PublicKey publicKey, PrivateKey privateKey) {
        try {
            byte[] probe = "fleetdispatch key match probe".getBytes(StandardCharsets.US_ASCII);
            String alg = KeyPolicy.signatureAlgorithm(publicKey);
            Signature s = Signature.getInstance(alg, Crypto.PROVIDER);
            s.initSign(privateKey, Crypto.random());
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg, Crypto.PROVIDER);
            v.initVerify(publicKey);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private X500Name issuerName() {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    }

    private static X500Name commonName(String cn) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn).build();
    }

    private static X509Certificate build(X500Name subject, X500Name issuer, PublicKey subjectKey, PrivateKey signerKey,
                                         Validity validity, BasicConstraints constraints, boolean critical) {
        // X.509 times have second precision; truncating keeps what we report equal to what we write.
        Instant from = validity.notBefore().truncatedTo(ChronoUnit.SECONDS);
        Instant to = validity.notAfter().truncatedTo(ChronoUnit.SECONDS);
        // 159 random bits: positive, at most 20 octets, as RFC 5280 and cryptography's random_serial_number.
        BigInteger serial = new BigInteger(159, Crypto.random()).setBit(0);
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to),
                    subject, subjectKey);
            b.addExtension(Extension.basicConstraints, critical, constraints);
            ContentSigner signer = new JcaContentSignerBuilder(KeyPolicy.signatureAlgorithm(signerKey))
                    .setProvider(Crypto.PROVIDER).setSecureRandom(Crypto.random()).build(signerKey);
            return new JcaX509CertificateConverter().getCertificate(b.build(signer));
        } catch (CertIOException | OperatorCreationException | CertificateException e) {
            throw new KeyMaterialException("certificate " + subject, "cannot be issued: " + e.getMessage(), e);
        }
    }
}
