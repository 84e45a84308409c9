package org.fleetdispatch.keystore.support;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.fleetdispatch.keystore.pki.Crypto;

/**
 * Certificates and CRLs with exactly the properties a test needs (names, keys, validity,
 * constraints), signed with BouncyCastle; independent of the production issuing code so that
 * tests of validation do not merely agree with themselves.
 */
public final class TestPki {

    public static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant TO = Instant.parse("2035-01-01T00:00:00Z");

    private static long serial = 1000;

    /** A subject and its key pair, and its certificate once issued. */
    public record Party(X500Name name, KeyPair keys, X509Certificate cert) {
        public PrivateKey key() {
            return keys.getPrivate();
        }
    }

    private TestPki() {
    }

    public static KeyPair ec(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", Crypto.PROVIDER);
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair p256() {
        return ec("secp256r1");
    }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA", Crypto.PROVIDER);
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Party root(String dn) {
        KeyPair k = p256();
        return new Party(new X500Name(dn), k, cert(new X500Name(dn), k.getPublic(), new X500Name(dn), k.getPrivate(), FROM, TO, 1, null));
    }

    public static Party intermediate(String dn, Party issuer, int pathLen) {
        KeyPair k = p256();
        return new Party(new X500Name(dn), k, cert(new X500Name(dn), k.getPublic(), issuer.name(), issuer.key(), FROM, TO, pathLen, null));
    }

    public static Party leaf(String dn, Party issuer) {
        return leaf(dn, issuer, p256(), FROM, TO);
    }

    public static Party leaf(String dn, Party issuer, KeyPair k, Instant from, Instant to) {
        return new Party(new X500Name(dn), k, cert(new X500Name(dn), k.getPublic(), issuer.name(), issuer.key(), from, to, -1, null));
    }

    /** A certificate; pathLen -1 means a leaf (CA:FALSE); keyUsage null means no KeyUsage extension. */
    public static X509Certificate cert(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
                                       Instant from, Instant to, int pathLen, KeyUsage keyUsage) {
        try {
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial++),
                    Date.from(from), Date.from(to), subject, key);
            b.addExtension(Extension.basicConstraints, true, pathLen < 0 ? new BasicConstraints(false) : new BasicConstraints(pathLen));
            if (keyUsage != null) {
                b.addExtension(Extension.keyUsage, true, keyUsage);
            }
            String alg = issuerKey.getAlgorithm().startsWith("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(alg).setProvider(Crypto.PROVIDER).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A CRL by {@code issuer} (signed with {@code signingKey}) revoking the given certificates. */
    public static X509CRL crl(X500Name issuer, PrivateKey signingKey, Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        try {
            X509v2CRLBuilder b = new X509v2CRLBuilder(issuer, Date.from(thisUpdate));
            b.setNextUpdate(Date.from(nextUpdate));
            for (X509Certificate c : revoked) {
                b.addCRLEntry(c.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
            }
            String alg = signingKey.getAlgorithm().startsWith("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CRLConverter().getCRL(b.build(new JcaContentSignerBuilder(alg).setProvider(Crypto.PROVIDER).build(signingKey)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
