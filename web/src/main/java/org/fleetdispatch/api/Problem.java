package org.fleetdispatch.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code message} and {@code error_code} repeat {@code detail} and the
 * problem's code under the names Isaac Mission Dispatch clients read.
 */
public record Problem(String type, String title, int status, String detail, String message, String errorCode) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(Response.StatusType status, String errorCode, String detail) {
        Problem problem = new Problem("urn:fleetdispatch:problem:" + errorCode.toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                status.getReasonPhrase(), status.getStatusCode(), detail, detail, errorCode);
        return Response.status(status.getStatusCode())
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(problem)
                .build();
    }
}
