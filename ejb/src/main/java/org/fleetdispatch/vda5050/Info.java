package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.Objects;

/** An information message for visualisation or debugging only (section 6.10.4, "info"). */
public record Info(String infoType, List<InfoReference> infoReferences, String infoDescription,
                   InfoLevel infoLevel) {

    public Info {
        Objects.requireNonNull(infoType, "infoType");
        Objects.requireNonNull(infoLevel, "infoLevel");
        infoReferences = Lists.optional(infoReferences);
    }
}
