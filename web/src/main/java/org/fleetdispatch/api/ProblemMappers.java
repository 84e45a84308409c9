package org.fleetdispatch.api;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.fleetdispatch.dispatch.AlreadyExistsException;
import org.fleetdispatch.dispatch.ConflictException;
import org.fleetdispatch.dispatch.DispatchException;
import org.fleetdispatch.dispatch.InvalidSpecException;
import org.fleetdispatch.dispatch.NotFoundException;

/** Every error leaves the API as {@code application/problem+json}. */
final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class DispatchExceptions implements ExceptionMapper<DispatchException> {
        @Override
        public Response toResponse(DispatchException e) {
            Status status = e instanceof NotFoundException ? Status.NOT_FOUND
                    : e instanceof AlreadyExistsException || e instanceof ConflictException ? Status.CONFLICT
                    : e instanceof InvalidSpecException ? Status.BAD_REQUEST
                    : Status.BAD_REQUEST;
            return Problem.response(status, e.errorCode(), e.getMessage());
        }
    }

    @Provider
    public static class ApiExceptions implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            Response problem = Problem.response(e.status(), e.code(), e.getMessage());
            if (e.status().getStatusCode() == Status.SERVICE_UNAVAILABLE.getStatusCode()) {
                return Response.fromResponse(problem).header("Retry-After", "1").build();
            }
            return problem;
        }
    }

    /** A body that is not JSON, or not the shape of the request; an unknown field is named. */
    @Provider
    public static class JsonErrors implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return Problem.response(Status.BAD_REQUEST, "INVALID_JSON", JsonProblems.describe(e.getMessage()));
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method, unsupported media type …) keep their status. */
    @Provider
    public static class WebApplicationErrors implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            JsonbException json = jsonCause(e);
            if (json != null) {
                return new JsonErrors().toResponse(json);
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            String code = status.getReasonPhrase().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
            return Problem.response(status, code, e.getMessage());
        }
    }

    /**
     * Anything else is our fault (except a body JSON-B could not read, which JAX-RS wraps in a
     * ProcessingException): log it whole, tell the caller only an incident id.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            JsonbException json = jsonCause(e);
            if (json != null) {
                return new JsonErrors().toResponse(json);
            }
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
            return Problem.response(Status.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                    "Unexpected error; the server log has the details under incident " + incident);
        }
    }

    private static JsonbException jsonCause(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof JsonbException json) {
                return json;
            }
        }
        return null;
    }
}
