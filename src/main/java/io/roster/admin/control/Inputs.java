package io.roster.admin.control;

import io.roster.admin.entity.AdminException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reading single values from admin requests; anything malformed is a 400 that says what is expected. */
final class Inputs {

    private Inputs() {
    }

    static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw AdminException.badRequest("'" + name + "' must be a string");
        }
        return text.getString();
    }

    static Integer positiveInt(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 1
                || number.longValue() > 1_000_000) {
            throw AdminException.badRequest("'" + name + "' must be a whole number from 1 to 1000000");
        }
        return number.intValue();
    }

    /** An ISO-8601 instant such as {@code 2027-01-01T00:00:00Z}, or null when absent. */
    static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw AdminException.badRequest("'" + name + "' must be an ISO-8601 instant such as "
                    + "2027-01-01T00:00:00Z, not \"" + abbreviate(text) + "\"");
        }
    }

    /** An expiry for a token: absent, or an instant in the future. */
    static Instant expiry(JsonObject body) {
        Instant expires = instant("expiresAt", string(body, "expiresAt"));
        if (expires != null && !expires.isAfter(Instant.now())) {
            throw AdminException.badRequest("'expiresAt' is in the past: " + expires);
        }
        return expires;
    }

    static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
