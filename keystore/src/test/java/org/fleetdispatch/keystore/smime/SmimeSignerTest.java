package org.fleetdispatch.keystore.smime;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.smime.SMIMEAttributes;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.fleetdispatch.keystore.pki.CertificateAuthority;
import org.fleetdispatch.keystore.pki.Pem;
import org.fleetdispatch.keystore.pki.Validity;
import org.fleetdispatch.keystore.support.OpenSsl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmimeSignerTest {

    private static final Instant SIGNED = Instant.parse("2026-03-04T05:06:07Z");
    private static final byte[] XML = "<dds>\n  <x>1</x>\n</dds>\n".getBytes(UTF_8);

    @TempDir
    Path dir;

    private final CertificateAuthority ca = CertificateAuthority.selfSigned("sros2CA", Validity.days(SIGNED, 10), 1);

    @Test
    void envelopeIsTheMultipartSignedOpenSslWrites() {
        String m = new String(SmimeSigner.sign(XML, ca.certificate(), ca.privateKey(), SIGNED), US_ASCII);
        Matcher b = Pattern.compile("boundary=\"(----[0-9A-F]{32})\"").matcher(m);
        assertThat(b.find()).isTrue();
        String boundary = b.group(1);
        assertThat(m).startsWith("MIME-Version: 1.0\nContent-Type: multipart/signed; protocol=\"application/x-pkcs7-signature\"; "
                + "micalg=\"sha-256\"; boundary=\"" + boundary + "\"\n\nThis is an S/MIME signed message\n\n--" + boundary + "\n"
                + "Content-Type: text/plain\r\n\r\n<dds>\r\n  <x>1</x>\r\n</dds>\r\n\n--" + boundary + "\n"
                + "Content-Type: application/x-pkcs7-signature; name=\"smime.p7s\"\nContent-Transfer-Encoding: base64\n"
                + "Content-Disposition: attachment; filename=\"smime.p7s\"\n\n");
        assertThat(m).endsWith("\n\n--" + boundary + "--\n\n");
        String base64 = m.substring(m.indexOf("filename=\"smime.p7s\"\n\n") + 22, m.lastIndexOf("\n\n--" + boundary + "--"));
        assertThat(base64.split("\n")).allSatisfy(line -> assertThat(line.length()).isBetween(1, 64));
    }

    @Test
    void formIsIdenticalToOpenSslsOutputForTheSameInput() throws Exception {
        Files.write(dir.resolve("doc.xml"), XML);
        Files.writeString(dir.resolve("ca.pem"), Pem.certificate(ca.certificate()));
        Files.writeString(dir.resolve("ca.key"), Pem.privateKey(ca.privateKey(), null));
        OpenSsl.ok(dir, "smime", "-sign", "-text", "-md", "sha256", "-in", "doc.xml", "-signer", "ca.pem", "-inkey", "ca.key", "-out", "doc.p7s");
        String theirs = Files.readString(dir.resolve("doc.p7s"), US_ASCII);
        String ours = new String(SmimeSigner.sign(XML, ca.certificate(), ca.privateKey(), SIGNED), US_ASCII);
        assertThat(skeleton(ours)).isEqualTo(skeleton(theirs));
    }

    // Boundary and signature differ by nature (random boundary, ECDSA nonce, time); the rest must not.
    private static String skeleton(String m) {
        Matcher b = Pattern.compile("boundary=\"(----[0-9A-F]+)\"").matcher(m);
        assertThat(b.find()).isTrue();
        String s = m.replace(b.group(1), "BOUNDARY");
        return s.replaceAll("(?s)(filename=\"smime.p7s\"\n\n).*?(\n\n--BOUNDARY--)", "$1SIGNATURE$2");
    }

    @Test
    void signatureIsDetachedSha256WithTheCaCertificateAndOpenSslsSignedAttributes() throws Exception {
        String m = new String(SmimeSigner.sign(XML, ca.certificate(), ca.privateKey(), SIGNED), US_ASCII);
        String base64 = m.substring(m.indexOf("filename=\"smime.p7s\"\n\n") + 22, m.lastIndexOf("\n\n------"));
        CMSSignedData cms = new CMSSignedData(Base64.getMimeDecoder().decode(base64));
        assertThat(cms.isDetachedSignature()).isTrue();
        assertThat(cms.getDigestAlgorithmIDs()).singleElement()
                .satisfies(a -> assertThat(a.getAlgorithm()).isEqualTo(NISTObjectIdentifiers.id_sha256));
        assertThat(cms.getCertificates().getMatches(null)).containsExactly(new X509CertificateHolder(ca.certificate().getEncoded()));
        SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
        assertThat(si.getSID().match(new X509CertificateHolder(ca.certificate().getEncoded()))).isTrue();
        assertThat(si.getEncryptionAlgOID()).isEqualTo(X9ObjectIdentifiers.ecdsa_with_SHA256.getId());
        assertThat(si.getSignedAttributes().get(CMSAttributes.contentType)).isNotNull();
        assertThat(si.getSignedAttributes().get(CMSAttributes.messageDigest)).isNotNull();
        assertThat(si.getSignedAttributes().get(SMIMEAttributes.smimeCapabilities)).isNotNull();
        assertThat(Time.getInstance(si.getSignedAttributes().get(CMSAttributes.signingTime).getAttrValues().getObjectAt(0))
                .getDate().toInstant()).isEqualTo(SIGNED);
    }

    @Test
    void weVerifyWhatWeSign() {
        byte[] m = SmimeSigner.sign(XML, ca.certificate(), ca.privateKey(), SIGNED);
        SignedDocument doc = new SmimeVerifier(ca.certificate()).verify(m, "doc.p7s", SIGNED);
        assertThat(doc.text()).isEqualTo(new String(XML, UTF_8));
        assertThat(doc.signingTime()).contains(SIGNED);
        assertThat(doc.signer()).isEqualTo(ca.certificate());
    }

    @Test
    void contentWithCrlfOrNoFinalNewlineSignsCanonically() {
        for (String content : new String[] {"<a>\r\n</a>\r\n", "<a>\n</a>", "<a/>"}) {
            byte[] m = SmimeSigner.sign(content.getBytes(UTF_8), ca.certificate(), ca.privateKey(), SIGNED);
            assertThat(new SmimeVerifier(ca.certificate()).verify(m, "d", SIGNED).text()).isEqualTo(content.replace("\r\n", "\n"));
        }
    }
}
