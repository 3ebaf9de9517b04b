package io.roster.protocol.boundary;

import io.roster.protocol.entity.ScimException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ScimExceptionMapper implements ExceptionMapper<ScimException> {

    @Override
    public Response toResponse(ScimException e) {
        return ErrorResponses.of(e.status(), e.scimType(), e.detail());
    }
}
