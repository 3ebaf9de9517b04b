package io.roster.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;

/** The checks every SCIM answer must pass, whatever the request. */
public final class ScimAssertions {

    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ScimAssertions() {
    }

    /** An RFC 7644 §3.12 error: SCIM content type, Error schema, status as a string, a useful detail. */
    public static JsonObject assertError(Reply reply, int status, String scimType) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/scim+json");
        JsonObject body = reply.json();
        assertThat(body.getJsonArray("schemas").getString(0)).isEqualTo(ERROR);
        assertThat(body.getString("status")).isEqualTo(String.valueOf(status));
        assertThat(body.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (scimType == null) {
            assertThat(body.containsKey("scimType")).as("no scimType in %s", body).isFalse();
        } else {
            assertThat(body.getString("scimType")).isEqualTo(scimType);
        }
        return body;
    }

    public static JsonObject assertOk(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/scim+json; charset=utf-8");
        return reply.json();
    }
}
