package org.fleetdispatch.keystore.pki;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A successful validation: the chain from the identity certificate to the trust anchor that
 * accepted it, and anything worth reporting that did not make it fail (a stale CRL under
 * {@link IdentityValidator.StaleCrlPolicy#WARN}, a CRL signed by the wrong key).
 */
public record IdentityValidation(List<X509Certificate> path, List<String> warnings) {

    public IdentityValidation {
        path = List.copyOf(path);
        warnings = List.copyOf(warnings);
    }

    public X509Certificate certificate() {
        return path.get(0);
    }

    public X509Certificate anchor() {
        return path.get(path.size() - 1);
    }

    public DistinguishedName subject() {
        return DistinguishedName.subjectOf(certificate());
    }
}
