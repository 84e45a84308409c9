/**
 * S/MIME signing and strict verification of governance and permissions documents.
 *
 * <p>Signing produces exactly what {@code openssl smime -sign -text -md sha256} produces: a
 * {@code multipart/signed} message whose first part is the document behind a
 * {@code Content-Type: text/plain} header with CRLF line ends, and whose second part is a
 * detached PKCS#7 SignedData (SHA-256, the CA certificate embedded). Verification is the DDS
 * Security one, stricter than {@code openssl smime -verify}: the signer must be the Permissions
 * CA itself, identified by its key, never a certificate the CA issued.
 */
package org.fleetdispatch.keystore.smime;
