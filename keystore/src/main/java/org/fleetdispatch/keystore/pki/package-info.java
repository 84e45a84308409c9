/**
 * Public-key infrastructure for DDS Security identities: certificate authorities (root, split
 * Identity/Permissions, intermediate), identity certificates with SROS 2's subjects and extensions,
 * PEM files, the key types DDS Security allows, certificate chain validation with alternative CAs
 * and per-issuer CRLs, and the one definition of distinguished-name equality.
 *
 * <p>BouncyCastle is used through an explicit provider instance; the library never installs a
 * JCA provider globally.
 */
package org.fleetdispatch.keystore.pki;
