package org.fleetdispatch.vda5050;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One active error of the AGV (section 6.10.5, "error"). Named AgvError rather than Error so that it does not
 * shadow {@link java.lang.Error}.
 *
 * @param errorType       type of error, e.g. orderUpdateError, validationError, noOrderToCancel
 * @param errorReferences optional references to the cause
 * @param errorHint       optional hint how to resolve it (VDA 5050 2.1)
 */
public record AgvError(String errorType, List<ErrorReference> errorReferences, String errorDescription,
                       String errorHint, ErrorLevel errorLevel) {

    public AgvError {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(errorLevel, "errorLevel");
        errorReferences = Lists.optional(errorReferences);
    }

    public static AgvError of(String errorType, ErrorLevel level, String description, ErrorReference... refs) {
        return new AgvError(errorType, List.of(refs), description, null, level);
    }

    /** The value of the reference with the given key, if any. */
    public Optional<String> reference(String key) {
        if (errorReferences == null) {
            return Optional.empty();
        }
        return errorReferences.stream().filter(r -> r.referenceKey().equals(key)).map(ErrorReference::referenceValue)
                .findFirst();
    }
}
