package org.fleetdispatch.vda5050;

import java.util.Objects;

/** A key-value reference to the cause of an error, e.g. orderId, nodeId, actionId (section 7.1). */
public record ErrorReference(String referenceKey, String referenceValue) {

    public ErrorReference {
        Objects.requireNonNull(referenceKey, "referenceKey");
        Objects.requireNonNull(referenceValue, "referenceValue");
    }
}
