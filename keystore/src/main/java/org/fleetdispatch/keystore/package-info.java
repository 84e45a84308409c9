/**
 * The keystore library's facade: SROS 2-compatible keystores (create, open, enclaves, bundles),
 * loading an enclave with every document verified against the Permissions CA, and access
 * decisions combining governance and permissions.
 *
 * <p>What the rest of Fleet Dispatch needs is here: {@link org.fleetdispatch.keystore.SecureEnclave#load}
 * (fail closed, naming the file and the reason), {@link org.fleetdispatch.keystore.AccessController#decide}
 * and {@link org.fleetdispatch.keystore.pki.IdentityValidator}.
 *
 * <p>Plain Java with BouncyCastle; nothing from Jakarta EE belongs here, so that the same code runs
 * in the server, in the command-line tool and in a robot vendor's build.
 */
package org.fleetdispatch.keystore;
