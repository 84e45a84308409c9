package org.fleetdispatch.api;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.fleetdispatch.api.json.ApiJson;

/** Makes JAX-RS read and write JSON with the API's one JSON-B configuration ({@link ApiJson}). */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    @Override
    public Jsonb getContext(Class<?> type) {
        return ApiJson.jsonb();
    }
}
