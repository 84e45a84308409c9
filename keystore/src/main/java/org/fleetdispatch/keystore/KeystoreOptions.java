package org.fleetdispatch.keystore;

import java.time.Clock;
import java.util.Objects;
import org.fleetdispatch.keystore.dds.DomainIdSet;
import org.fleetdispatch.keystore.pki.Validity;

/**
 * How a keystore is created. Defaults are SROS 2's: one CA serving as Identity and Permissions CA,
 * no intermediate, domain 0, ten-year certificates, keys unencrypted.
 *
 * @param splitCa separate Identity and Permissions CAs (real files instead of links)
 * @param intermediate enclave certificates issued by an intermediate CA below the Identity CA
 * @param domainId the domain id written into governance (and default permissions)
 * @param days validity of certificates created in this keystore
 * @param keyPassword encrypts the CA keys in {@code private/} (PKCS#8, AES-256); null for none
 * @param clock the time certificates and signatures are dated with
 */
public record KeystoreOptions(boolean splitCa, boolean intermediate, int domainId, int days, char[] keyPassword, Clock clock) {

    public KeystoreOptions {
        if (domainId < 0 || domainId > DomainIdSet.MAX_DOMAIN_ID) {
            throw new IllegalArgumentException("domain id " + domainId + " is outside 0.." + DomainIdSet.MAX_DOMAIN_ID);
        }
        if (days <= 0) {
            throw new IllegalArgumentException("validity must be at least one day, not " + days);
        }
        Objects.requireNonNull(clock, "clock");
        keyPassword = keyPassword == null ? null : keyPassword.clone();
    }

    public static KeystoreOptions defaults() {
        return new KeystoreOptions(false, false, 0, Validity.DEFAULT_DAYS, null, Clock.systemUTC());
    }

    public KeystoreOptions withSplitCa(boolean v) {
        return new KeystoreOptions(v, intermediate, domainId, days, keyPassword, clock);
    }

    public KeystoreOptions withIntermediate(boolean v) {
        return new KeystoreOptions(splitCa, v, domainId, days, keyPassword, clock);
    }

    public KeystoreOptions withDomainId(int v) {
        return new KeystoreOptions(splitCa, intermediate, v, days, keyPassword, clock);
    }

    public KeystoreOptions withDays(int v) {
        return new KeystoreOptions(splitCa, intermediate, domainId, v, keyPassword, clock);
    }

    public KeystoreOptions withKeyPassword(char[] v) {
        return new KeystoreOptions(splitCa, intermediate, domainId, days, v, clock);
    }

    public KeystoreOptions withClock(Clock v) {
        return new KeystoreOptions(splitCa, intermediate, domainId, days, keyPassword, v);
    }

    @Override
    public char[] keyPassword() {
        return keyPassword == null ? null : keyPassword.clone();
    }

    @Override
    public String toString() {
        // Never print the password.
        return "KeystoreOptions[splitCa=" + splitCa + ", intermediate=" + intermediate + ", domainId=" + domainId
                + ", days=" + days + ", keyPassword=" + (keyPassword == null ? "none" : "***") + "]";
    }
}
