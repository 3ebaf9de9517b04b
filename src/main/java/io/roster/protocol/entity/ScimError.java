package io.roster.protocol.entity;

import io.roster.protocol.control.JsonP;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The RFC 7644 §3.12 error body; {@code status} is the HTTP status as a string, as the RFC's examples show. */
public final class ScimError {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimError() {
    }

    public static JsonObject body(int status, ScimType scimType, String detail) {
        JsonObjectBuilder body = JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder().add(SCHEMA))
                .add("status", String.valueOf(status));
        if (scimType != null) {
            body.add("scimType", scimType.keyword());
        }
        return body.add("detail", detail).build();
    }
}
