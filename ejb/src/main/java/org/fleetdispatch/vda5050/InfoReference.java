package org.fleetdispatch.vda5050;

import java.util.Objects;

/** A key-value reference of an information message (section 6.10.6, "infoReference"). */
public record InfoReference(String referenceKey, String referenceValue) {

    public InfoReference {
        Objects.requireNonNull(referenceKey, "referenceKey");
        Objects.requireNonNull(referenceValue, "referenceValue");
    }
}
