package io.roster.admin.control;

import jakarta.json.JsonObject;
import java.time.Instant;

/** A further token as requested: {@code {"expiresAt": "2027-01-01T00:00:00Z"}}, or no body for one that does not expire. */
public record TokenInput(Instant expires) {

    public static TokenInput from(JsonObject body) {
        return new TokenInput(Inputs.expiry(body));
    }
}
