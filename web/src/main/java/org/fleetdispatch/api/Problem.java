package org.fleetdispatch.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail that Isaac Mission Dispatch clients can read too: {@code message} repeats
 * {@code detail}, and {@code error_code} is IMD's coarse class — {@code USAGE} for the caller's mistakes,
 * {@code SERVER} for ours — while {@code code} is our finer, stable reason ({@code ROBOT_NOT_FOUND} …).
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, plus Isaac Mission Dispatch's message and error_code")
public record Problem(
        @Schema(description = "URN of the problem type, from code") String type,
        String title,
        int status,
        String detail,
        @Schema(description = "Same as detail (Isaac Mission Dispatch)") String message,
        @Schema(description = "USAGE (4xx) or SERVER (5xx), as Isaac Mission Dispatch's ICSUsageError and ICSServerError")
        String errorCode,
        @Schema(description = "Stable machine-readable reason, e.g. ROBOT_NOT_FOUND, INVALID_PARAMETER")
        String code) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.StatusType status, String code, String detail) {
        Problem problem = new Problem("urn:fleetdispatch:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'),
                status.getReasonPhrase(), status.getStatusCode(), detail, detail,
                status.getStatusCode() >= 500 ? "SERVER" : "USAGE", code);
        return Response.status(status.getStatusCode())
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(problem)
                .build();
    }
}
