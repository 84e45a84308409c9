package org.fleetdispatch.keystore.smime;

import org.fleetdispatch.keystore.pki.DistinguishedName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.smime.SMIMECapabilitiesAttribute;
import org.bouncycastle.asn1.smime.SMIMECapability;
import org.bouncycastle.asn1.smime.SMIMECapabilityVector;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.fleetdispatch.keystore.error.KeyMaterialException;
import org.fleetdispatch.keystore.pki.Crypto;
import org.fleetdispatch.keystore.pki.KeyPolicy;

/**
 * Signs documents as {@code openssl smime -sign -text -md sha256 -signer CA -inkey KEY} does, and
 * as SROS 2 does for governance.p7s and permissions.p7s.
 */
public final class SmimeSigner {

    private static final String EOL = "\n";

    private SmimeSigner() {
    }

    /**
     * @param content the document (any line ends; they are canonicalised to CRLF)
     * @param signer the Permissions CA certificate, embedded in the signature
     * @param key the Permissions CA's private key
     * @param signingTime the signingTime attribute
     * @return the S/MIME message, ready to be written as a {@code .p7s} file
     */
    public static byte[] sign(byte[] content, X509Certificate signer, PrivateKey key, Instant signingTime) {
        byte[] entity = Canonical.textEntity(content);
        byte[] signature = detachedSignature(entity, signer, key, signingTime);
        String boundary = "----" + HexFormat.of().withUpperCase().formatHex(randomBytes(16));
        ByteArrayOutputStream out = new ByteArrayOutputStream(entity.length + signature.length * 2 + 512);
        ascii(out, "MIME-Version: 1.0" + EOL
                + "Content-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\"; micalg=\"sha-256\"; boundary=\""
                + boundary + "\"" + EOL + EOL
                + "This is an S/MIME signed message" + EOL + EOL
                + "--" + boundary + EOL);
        out.writeBytes(entity);
        ascii(out, EOL + "--" + boundary + EOL
                + "Content-Type: application/x-pkcs7-signature; name=\"smime.p7s\"" + EOL
                + "Content-Transfer-Encoding: base64" + EOL
                + "Content-Disposition: attachment; filename=\"smime.p7s\"" + EOL + EOL);
        ascii(out, Base64.getMimeEncoder(64, EOL.getBytes(StandardCharsets.US_ASCII)).encodeToString(signature) + EOL);
        ascii(out, EOL + "--" + boundary + "--" + EOL + EOL);
        return out.toByteArray();
    }

    private static byte[] detachedSignature(byte[] entity, X509Certificate signer, PrivateKey key, Instant signingTime) {
        try {
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            attrs.add(new SMIMECapabilitiesAttribute(capabilities()));
            ContentSigner contentSigner = new JcaContentSignerBuilder(KeyPolicy.signatureAlgorithm(key))
                    .setProvider(Crypto.PROVIDER).setSecureRandom(Crypto.random()).build(key);
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(Crypto.PROVIDER).build())
                    .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)))
                    .build(contentSigner, signer));
            gen.addCertificate(new JcaX509CertificateHolder(signer));
            CMSSignedData data = gen.generate(new CMSProcessableByteArray(entity), false);
            return data.getEncoded("DER");
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new KeyMaterialException("signer " + DistinguishedName.display(signer.getSubjectX500Principal()),
                    "cannot sign: " + e.getMessage(), e);
        }
    }

    // The capabilities OpenSSL announces first; receivers of a signed document never encrypt to us,
    // so this is form, not function.
    private static SMIMECapabilityVector capabilities() {
        SMIMECapabilityVector v = new SMIMECapabilityVector();
        v.addCapability(NISTObjectIdentifiers.id_aes256_CBC);
        v.addCapability(NISTObjectIdentifiers.id_aes192_CBC);
        v.addCapability(NISTObjectIdentifiers.id_aes128_CBC);
        v.addCapability(SMIMECapability.dES_EDE3_CBC);
        return v;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        Crypto.random().nextBytes(b);
        return b;
    }

    private static void ascii(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
