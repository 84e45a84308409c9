package org.fleetdispatch.api.json;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer of IMD's action endpoints (delete, cancel): one human-readable sentence. */
@Schema(name = "Detail")
public record Detail(String detail) {
}
