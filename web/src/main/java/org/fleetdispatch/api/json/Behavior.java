package org.fleetdispatch.api.json;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One kind of mission node, as {@code GET /behaviors} lists them (IMD's get_supported_behaviors). */
@Schema(name = "Behavior")
public record Behavior(
        @Schema(description = "The node field that selects it: route, move, action, notify, constant, sequence, selector")
        String name,
        @Schema(description = "The fields of its object") List<String> params,
        String description) {
}
