package org.fleetdispatch.keystore;

/** File and directory names of an SROS 2 keystore, in one place (sros2/keystore/_keystore.py, _enclave.py). */
final class Layout {

    static final String PUBLIC = "public";
    static final String PRIVATE = "private";
    static final String ENCLAVES = "enclaves";

    static final String CA_CERT = "ca.cert.pem";
    static final String CA_KEY = "ca.key.pem";
    static final String IDENTITY_CA_CERT = "identity_ca.cert.pem";
    static final String IDENTITY_CA_KEY = "identity_ca.key.pem";
    static final String PERMISSIONS_CA_CERT = "permissions_ca.cert.pem";
    static final String PERMISSIONS_CA_KEY = "permissions_ca.key.pem";
    /** Fleet Dispatch's addition: the intermediate CA that issues enclave certificates (ADR 0025). */
    static final String INTERMEDIATE_CA_CERT = "intermediate_ca.cert.pem";
    static final String INTERMEDIATE_CA_KEY = "intermediate_ca.key.pem";

    static final String GOVERNANCE_XML = "governance.xml";
    static final String GOVERNANCE_P7S = "governance.p7s";
    static final String CERT = "cert.pem";
    static final String KEY = "key.pem";
    static final String PERMISSIONS_XML = "permissions.xml";
    static final String PERMISSIONS_P7S = "permissions.p7s";
    /** Optional, read by rmw_dds_common; never created by SROS 2. */
    static final String CRL = "crl.pem";

    static final String DEFAULT_CA_NAME = "sros2CA";
    static final String IDENTITY_CA_NAME = "sros2IdentityCA";
    static final String PERMISSIONS_CA_NAME = "sros2PermissionsCA";
    static final String INTERMEDIATE_CA_NAME = "sros2IntermediateCA";

    private Layout() {
    }
}
