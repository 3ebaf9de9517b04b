package io.roster.protocol.entity;

import jakarta.ws.rs.core.MediaType;

/** RFC 7644 §3.1: SCIM messages are "application/scim+json"; plain "application/json" is accepted too. */
public final class ScimMediaType {

    public static final String SCIM_JSON = "application/scim+json";
    public static final String SCIM_JSON_UTF8 = "application/scim+json; charset=utf-8";
    public static final MediaType SCIM_JSON_TYPE = new MediaType("application", "scim+json", "utf-8");

    private ScimMediaType() {
    }
}
