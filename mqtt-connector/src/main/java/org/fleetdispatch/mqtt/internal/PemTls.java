package org.fleetdispatch.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMDecryptorProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Builds an {@link SSLContext} from PEM files: the CA certificates to trust and, for mutual TLS, a
 * certificate chain and its private key in any format OpenSSL or BouncyCastle writes (PKCS#8, SEC1 EC,
 * PKCS#1 RSA, encrypted or not). Errors name the file and the reason.
 */
final class PemTls {

    private static final char[] STORE_PASSWORD = "fleetdispatch".toCharArray();

    private PemTls() {
    }

    static SSLContext sslContext(TlsSettings s) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (s.caFile() != null) {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (X509Certificate c : certificates(s.caFile())) {
                    trust.setCertificateEntry("ca-" + i++, c);
                }
                tmf.init(trust);
            } else {
                tmf.init((KeyStore) null);
            }
            KeyManagerFactory kmf = null;
            if (s.certFile() != null && s.keyFile() != null) {
                List<X509Certificate> chain = certificates(s.certFile());
                PrivateKey key = privateKey(s.keyFile(), s.keyPassword());
                KeyStore identity = KeyStore.getInstance("PKCS12");
                identity.load(null, null);
                identity.setKeyEntry("client", key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(identity, STORE_PASSWORD);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("TLS setup failed: " + e.getMessage(), e);
        }
    }

    static List<X509Certificate> certificates(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new IllegalArgumentException(file + " holds no PEM certificate");
            }
            return out;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is not a readable PEM certificate file: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(Path file, String password) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    return converter.getPrivateKey(kp.getPrivateKeyInfo());
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair ekp) {
                    PEMDecryptorProvider d = new JcePEMDecryptorProviderBuilder().build(needPassword(file, password));
                    return converter.getPrivateKey(ekp.decryptKeyPair(d).getPrivateKeyInfo());
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo einfo) {
                    InputDecryptorProvider d = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                            .build(needPassword(file, password));
                    return converter.getPrivateKey(einfo.decryptPrivateKeyInfo(d));
                }
            }
            throw new IllegalArgumentException(file + " holds no PEM private key");
        } catch (IOException | org.bouncycastle.operator.OperatorCreationException
                 | org.bouncycastle.pkcs.PKCSException e) {
            throw new IllegalArgumentException(file + " is not a readable PEM private key: " + e.getMessage(), e);
        }
    }

    private static char[] needPassword(Path file, String password) {
        if (password == null) {
            throw new IllegalArgumentException(file + " is encrypted: set " + ConnectionSettings.TLS_KEY_PASSWORD);
        }
        return password.toCharArray();
    }
}
