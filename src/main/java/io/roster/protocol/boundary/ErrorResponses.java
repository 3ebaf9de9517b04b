package io.roster.protocol.boundary;

import io.roster.protocol.entity.ScimError;
import io.roster.protocol.entity.ScimMediaType;
import io.roster.protocol.entity.ScimType;
import jakarta.ws.rs.core.Response;

final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(int status, ScimType scimType, String detail) {
        return Response.status(status)
                .type(ScimMediaType.SCIM_JSON_TYPE)
                .entity(ScimError.body(status, scimType, detail))
                .build();
    }

    /** 503 with the seconds after which the client should try again. */
    static Response unavailable(String detail) {
        return Response.fromResponse(of(503, null, detail)).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    static final int RETRY_AFTER_SECONDS = 5;
}
