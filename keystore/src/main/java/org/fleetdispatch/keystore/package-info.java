/**
 * SROS 2-compatible keystores: layout, enclaves and enclave paths, deployable bundles.
 *
 * <p>Plain Java with BouncyCastle; nothing from Jakarta EE belongs here, so that the same code runs
 * in the server, in the command-line tool and in a robot vendor's build.
 */
package org.fleetdispatch.keystore;
