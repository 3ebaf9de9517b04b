package io.roster.protocol.entity;

import io.roster.protocol.control.JsonP;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** RFC 7644 §3.4.2 list response. {@code Resources} is always present, also when empty (Okta and Entra expect it). */
public final class ListResponse {

    public static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ListResponse() {
    }

    public static JsonObject of(long totalResults, int startIndex, JsonArray resources) {
        return JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder().add(SCHEMA))
                .add("totalResults", totalResults)
                .add("startIndex", startIndex)
                .add("itemsPerPage", resources.size())
                .add("Resources", resources)
                .build();
    }
}
