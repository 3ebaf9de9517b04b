package io.roster.admin.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.admin.entity.AdminException;
import io.roster.security.entity.RateLimit;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceAccountInputTest {

    @Test
    void readsAFullRequest() {
        ServiceAccountInput input = ServiceAccountInput.from(json("{\"name\":\"okta\",\"scopes\":[\"scim:write\","
                + "\"scim:read\"],\"expiresAt\":\"2999-01-01T00:00:00Z\",\"rateLimit\":{\"perSecond\":5,\"burst\":9}}"));
        assertThat(input.name()).isEqualTo("okta");
        assertThat(input.scopes()).containsExactlyInAnyOrder("scim:read", "scim:write");
        assertThat(input.expires()).isEqualTo(Instant.parse("2999-01-01T00:00:00Z"));
        assertThat(input.rateLimit()).isEqualTo(new RateLimit(5, 9));
    }

    @Test
    void expiryAndRateLimitAreOptional() {
        ServiceAccountInput input = ServiceAccountInput.from(json("{\"name\":\"a.b-c_d@e\",\"scopes\":[\"scim:read\"],"
                + "\"expiresAt\":null,\"rateLimit\":{\"perSecond\":7}}"));
        assertThat(input.expires()).isNull();
        assertThat(input.rateLimit()).as("burst defaults to the rate").isEqualTo(new RateLimit(7, 7));
    }

    @Test
    void badRequestsSayWhatIsWrong() {
        assertBad("{\"scopes\":[\"scim:read\"]}", "'name' is required");
        assertBad("{\"name\":\"a:b\",\"scopes\":[\"scim:read\"]}", "'name' must be");
        assertBad("{\"name\":\"-a\",\"scopes\":[\"scim:read\"]}", "'name' must be");
        assertBad("{\"name\":[\"a\"],\"scopes\":[\"scim:read\"]}", "'name' must be a string");
        assertBad("{\"name\":\"a\"}", "'scopes' is required");
        assertBad("{\"name\":\"a\",\"scopes\":[\"scim:read\",\"root\"]}", "Unknown scope \"root\"");
        assertBad("{\"name\":\"a\",\"scopes\":[1]}", "Unknown scope 1");
        assertBad("{\"name\":\"a\",\"scopes\":[\"scim:read\"],\"expiresAt\":\"2027-01-01\"}", "ISO-8601");
        assertBad("{\"name\":\"a\",\"scopes\":[\"scim:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}", "in the past");
        assertBad("{\"name\":\"a\",\"scopes\":[\"scim:read\"],\"rateLimit\":{}}", "'rateLimit.perSecond' is required");
        assertBad("{\"name\":\"a\",\"scopes\":[\"scim:read\"],\"rateLimit\":{\"perSecond\":1.5}}", "whole number");
    }

    private static void assertBad(String body, String message) {
        assertThatThrownBy(() -> ServiceAccountInput.from(json(body))).as(body)
                .isInstanceOfSatisfying(AdminException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(message);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
