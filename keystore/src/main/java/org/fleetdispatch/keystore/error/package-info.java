/**
 * The typed failures of the keystore library.
 *
 * <p>Every failure names what it is about (a file, a document element, a certificate subject) and
 * carries the offending value, so that a deployment that fails closed says exactly which file to
 * fix and why. Values are never secrets: private keys and passwords stay out of messages.
 */
package org.fleetdispatch.keystore.error;
