# One-off: what sros2/_utilities.py does with `cryptography`, to check our loader against it.
import datetime, os, pathlib
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs7
ks = pathlib.Path('sros2-cryptography-keystore'); (ks/'public').mkdir(parents=True); (ks/'private').mkdir(); (ks/'enclaves/talker').mkdir(parents=True)
def build(name, issuer=None, ca_key=None, ca=False):
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.utcnow()
    b = x509.CertificateBuilder().subject_name(name).issuer_name(issuer or name).public_key(key.public_key()) \
        .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=1)) \
        .not_valid_after(now + datetime.timedelta(days=3650)) \
        .add_extension(x509.BasicConstraints(ca=ca, path_length=1 if ca else None), critical=ca)
    return b.sign(ca_key or key, hashes.SHA256()), key
def wk(k, p): p.write_bytes(k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
def wc(c, p): p.write_bytes(c.public_bytes(serialization.Encoding.PEM))
def sign(cert, key, src, dst):
    dst.write_bytes(pkcs7.PKCS7SignatureBuilder().set_data(src.read_bytes()).add_signer(cert, key, hashes.SHA256()).sign(serialization.Encoding.SMIME, [pkcs7.PKCS7Options.Text, pkcs7.PKCS7Options.DetachedSignature]))
cn = x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, 'sros2CA')])
ca, cakey = build(cn, ca=True)
wc(ca, ks/'public/ca.cert.pem'); wk(cakey, ks/'private/ca.key.pem')
for n in ('identity_ca', 'permissions_ca'):
    os.symlink('ca.cert.pem', ks/'public'/(n+'.cert.pem')); os.symlink('ca.key.pem', ks/'private'/(n+'.key.pem'))
gov = b"""<?xml version="1.0" encoding="UTF-8"?>
<dds xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.omg.org/spec/DDS-SECURITY/20170901/omg_shared_ca_governance.xsd">
  <domain_access_rules>
    <domain_rule>
      <domains>
        <id>0</id>
      </domains>
      <allow_unauthenticated_participants>false</allow_unauthenticated_participants>
      <enable_join_access_control>true</enable_join_access_control>
      <discovery_protection_kind>ENCRYPT</discovery_protection_kind>
      <liveliness_protection_kind>ENCRYPT</liveliness_protection_kind>
      <rtps_protection_kind>SIGN</rtps_protection_kind>
      <topic_access_rules>
        <topic_rule>
          <topic_expression>*</topic_expression>
          <enable_discovery_protection>true</enable_discovery_protection>
          <enable_liveliness_protection>true</enable_liveliness_protection>
          <enable_read_access_control>true</enable_read_access_control>
          <enable_write_access_control>true</enable_write_access_control>
          <metadata_protection_kind>ENCRYPT</metadata_protection_kind>
          <data_protection_kind>ENCRYPT</data_protection_kind>
        </topic_rule>
      </topic_access_rules>
    </domain_rule>
  </domain_access_rules>
</dds>
"""
(ks/'enclaves/governance.xml').write_bytes(gov); sign(ca, cakey, ks/'enclaves/governance.xml', ks/'enclaves/governance.p7s')
leaf, lkey = build(x509.Name([x509.NameAttribute(x509.oid.NameOID.COMMON_NAME, '/talker')]), issuer=cn, ca_key=cakey)
d = ks/'enclaves/talker'; wc(leaf, d/'cert.pem'); wk(lkey, d/'key.pem')
perm = b'''<dds xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="http://www.omg.org/spec/DDS-SECURITY/20170901/omg_shared_ca_permissions.xsd">
  <permissions>
    <grant name="/talker">
      <subject_name>CN=/talker</subject_name>
      <validity><not_before>2020-05-01T00:00:00</not_before><not_after>2099-05-01T00:00:00</not_after></validity>
      <allow_rule><domains><id>0</id></domains><publish><topics><topic>rt/chatter</topic></topics></publish></allow_rule>
      <default>DENY</default>
    </grant>
  </permissions>
</dds>
'''
(d/'permissions.xml').write_bytes(perm); sign(ca, cakey, d/'permissions.xml', d/'permissions.p7s')
for n, t in (('governance.p7s', '../governance.p7s'), ('identity_ca.cert.pem', '../../public/identity_ca.cert.pem'), ('permissions_ca.cert.pem', '../../public/permissions_ca.cert.pem')):
    os.symlink(t, d/n)
