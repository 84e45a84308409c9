package org.fleetdispatch.api;

import jakarta.ws.rs.core.Response;

/** A request the API itself refuses before any service sees it (a bad query parameter, a busy feed). */
class ApiException extends RuntimeException {

    private final Response.StatusType status;
    private final String code;

    ApiException(Response.StatusType status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    static ApiException badParameter(String message) {
        return new ApiException(Response.Status.BAD_REQUEST, "INVALID_PARAMETER", message);
    }

    Response.StatusType status() {
        return status;
    }

    String code() {
        return code;
    }
}
