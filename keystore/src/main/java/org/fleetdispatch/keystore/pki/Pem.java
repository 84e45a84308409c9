package org.fleetdispatch.keystore.pki;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.util.io.pem.PemObject;
import org.fleetdispatch.keystore.error.KeyMaterialException;

/**
 * Reading and writing the PEM files of a keystore: certificates (one or a chain), CRLs, private
 * keys in PKCS#8 (optionally password-encrypted: AES-256-CBC, PBKDF2-HMAC-SHA256), SEC 1 and PKCS#1.
 */
public final class Pem {

    private static final int PBKDF2_ITERATIONS = 200_000;

    private Pem() {
    }

    public static List<X509Certificate> readCertificates(Path file) {
        return readCertificates(readFile(file), file.toString());
    }

    /** All certificates of a PEM text, in order; at least one. */
    public static List<X509Certificate> readCertificates(byte[] pem, String source) {
        List<X509Certificate> out = new ArrayList<>();
        try (PEMParser parser = parser(pem)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder) {
                    out.add(toCertificate(((X509CertificateHolder) o).getEncoded(), source));
                }
            }
        } catch (IOException e) {
            throw new KeyMaterialException(source, "not a PEM certificate file: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new KeyMaterialException(source, "no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return out;
    }

    public static X509Certificate readCertificate(Path file) {
        return readCertificates(file).get(0);
    }

    public static List<X509CRL> readCrls(Path file) {
        return readCrls(readFile(file), file.toString());
    }

    /** All CRLs of a PEM text; at least one. */
    public static List<X509CRL> readCrls(byte[] pem, String source) {
        List<X509CRL> out = new ArrayList<>();
        try (PEMParser parser = parser(pem)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CRLHolder) {
                    CertificateFactory cf = CertificateFactory.getInstance("X.509");
                    out.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(((X509CRLHolder) o).getEncoded())));
                }
            }
        } catch (IOException | CertificateException | CRLException e) {
            throw new KeyMaterialException(source, "not a PEM CRL file: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new KeyMaterialException(source, "no PEM CRL (-----BEGIN X509 CRL-----) found");
        }
        return out;
    }

    public static PrivateKey readPrivateKey(Path file, char[] password) {
        return readPrivateKey(readFile(file), file.toString(), password);
    }

    /**
     * Reads the first private key of a PEM text.
     *
     * @param password for an encrypted key; null when the key is expected in clear
     */
    public static PrivateKey readPrivateKey(byte[] pem, String source, char[] password) {
        try (PEMParser parser = parser(pem)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(Crypto.PROVIDER);
                if (o instanceof PrivateKeyInfo) {
                    return converter.getPrivateKey((PrivateKeyInfo) o);
                }
                if (o instanceof PEMKeyPair) {
                    return converter.getKeyPair((PEMKeyPair) o).getPrivate();
                }
                if (o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    requirePassword(password, source);
                    PrivateKeyInfo info = ((PKCS8EncryptedPrivateKeyInfo) o).decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Crypto.PROVIDER).build(password));
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair) {
                    requirePassword(password, source);
                    PEMKeyPair pair = ((PEMEncryptedKeyPair) o).decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(Crypto.PROVIDER).build(password));
                    return converter.getKeyPair(pair).getPrivate();
                }
            }
        } catch (PKCSException | org.bouncycastle.openssl.EncryptionException e) {
            throw new KeyMaterialException(source, "cannot decrypt the private key: wrong password or corrupt file", e);
        } catch (IOException | OperatorCreationException e) {
            throw new KeyMaterialException(source, "not a PEM private key file: " + e.getMessage(), e);
        }
        throw new KeyMaterialException(source, "no PEM private key found");
    }

    private static void requirePassword(char[] password, String source) {
        if (password == null) {
            throw new KeyMaterialException(source, "the private key is encrypted and no password was given");
        }
    }

    /** PEM text of certificates, in order. */
    public static String certificates(List<X509Certificate> certificates) {
        return write(certificates.toArray());
    }

    public static String certificate(X509Certificate certificate) {
        return write(certificate);
    }

    /** PEM text of a private key as PKCS#8, encrypted (AES-256-CBC, PBKDF2) when a password is given. */
    public static String privateKey(PrivateKey key, char[] password) {
        try {
            OutputEncryptor encryptor = null;
            if (password != null) {
                // PBKDF2 with HMAC-SHA256 (BouncyCastle defaults to SHA-1) and enough iterations to
                // slow guessing; OpenSSL 3 reads the result (PemTest).
                encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(Crypto.PROVIDER)
                        .setRandom(Crypto.random())
                        .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                        .setIterationCount(PBKDF2_ITERATIONS)
                        .setPassword(password)
                        .build();
            }
            PemObject pem = new JcaPKCS8Generator(key, encryptor).generate();
            return write(pem);
        } catch (OperatorCreationException | org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new KeyMaterialException("private key", "cannot encode: " + e.getMessage(), e);
        }
    }

    public static String crl(X509CRL crl) {
        return write(crl);
    }

    private static String write(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing PEM to memory failed", e);
        }
        return out.toString();
    }

    static X509Certificate toCertificate(byte[] der, String source) {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new KeyMaterialException(source, "not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    private static PEMParser parser(byte[] pem) {
        Reader r = new InputStreamReader(new ByteArrayInputStream(pem), StandardCharsets.US_ASCII);
        return new PEMParser(r);
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KeyMaterialException(file.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }
}
