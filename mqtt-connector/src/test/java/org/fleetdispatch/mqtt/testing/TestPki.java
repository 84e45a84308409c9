package org.fleetdispatch.mqtt.testing;

import java.io.OutputStream;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for TLS tests: an identity CA, a broker certificate for localhost/127.0.0.1 and a
 * client enclave in the SROS 2 layout ({@code identity_ca.cert.pem}, {@code cert.pem},
 * {@code key.pem}, the key as PKCS#8).
 */
public final class TestPki {

    public static final String PASSWORD = "changeit";
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public final KeyPair caKeys;
    public final X509Certificate ca;
    public final KeyPair serverKeys;
    public final X509Certificate server;
    public final KeyPair clientKeys;
    public final X509Certificate client;

    public TestPki() throws Exception {
        caKeys = ec();
        ca = sign("CN=Fleet Dispatch Test Identity CA", caKeys, "CN=Fleet Dispatch Test Identity CA", caKeys, true,
                null);
        serverKeys = ec();
        server = sign("CN=localhost", serverKeys, "CN=Fleet Dispatch Test Identity CA", caKeys, false,
                new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.dNSName, "localhost"),
                        new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        clientKeys = ec();
        client = sign("CN=/fleetdispatch/server", clientKeys, "CN=Fleet Dispatch Test Identity CA", caKeys, false,
                null);
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean isCa, GeneralNames san) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(2))), new X500Name(subject), subjectKeys.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, isCa ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
                : new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        if (san != null) {
            b.addExtension(Extension.subjectAlternativeName, false, san);
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    /** Writes the client's enclave directory. */
    public Path writeEnclave(Path dir) throws Exception {
        Files.createDirectories(dir);
        pem(dir.resolve("identity_ca.cert.pem"), ca);
        pem(dir.resolve("cert.pem"), client);
        pem(dir.resolve("key.pem"), clientKeys.getPrivate());
        return dir;
    }

    /** The broker's key store (JKS): its key and certificate chain. */
    public Path writeServerKeyStore(Path file) throws Exception {
        return store(file, ks -> ks.setKeyEntry("broker", serverKeys.getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {server, ca}));
    }

    /** The broker's trust store (JKS): the CA client certificates must chain to. */
    public Path writeTrustStore(Path file) throws Exception {
        return store(file, ks -> ks.setCertificateEntry("ca", ca));
    }

    private interface Fill {
        void fill(KeyStore ks) throws Exception;
    }

    private static Path store(Path file, Fill fill) throws Exception {
        KeyStore ks = KeyStore.getInstance("JKS");
        ks.load(null, null);
        fill.fill(ks);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    public static void pem(Path file, Object o) throws Exception {
        try (Writer w = Files.newBufferedWriter(file); JcaPEMWriter pw = new JcaPEMWriter(w)) {
            // Keys as PKCS#8 "PRIVATE KEY", as sros2 writes them.
            pw.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
        }
    }
}
