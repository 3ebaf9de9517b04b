package io.roster.admin.control;

import io.roster.admin.entity.AdminException;
import io.roster.security.entity.RateLimit;
import io.roster.security.entity.Scopes;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A new service account as requested: {@code {"name": "okta", "scopes": ["scim:read", "scim:write"],
 * "expiresAt": "2027-01-01T00:00:00Z", "rateLimit": {"perSecond": 50, "burst": 100}}}; {@code expiresAt} (of the
 * first token) and {@code rateLimit} are optional. The name is what HTTP Basic sends as the user name, so it
 * cannot contain a colon.
 */
public record ServiceAccountInput(String name, Set<String> scopes, Instant expires, RateLimit rateLimit) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,199}");

    public static ServiceAccountInput from(JsonObject body) {
        String name = Inputs.string(body, "name");
        if (name == null || name.isBlank()) {
            throw AdminException.badRequest("'name' is required, e.g. {\"name\": \"okta\", \"scopes\": "
                    + "[\"scim:read\", \"scim:write\"]}");
        }
        if (!NAME.matcher(name).matches()) {
            throw AdminException.badRequest("'name' must be 1 to 200 letters, digits, '.', '_', '@' or '-', "
                    + "starting with a letter or digit");
        }
        return new ServiceAccountInput(name, scopes(body), Inputs.expiry(body), rateLimit(body));
    }

    private static Set<String> scopes(JsonObject body) {
        JsonValue value = body.get("scopes");
        if (!(value instanceof JsonArray array) || array.isEmpty()) {
            throw AdminException.badRequest("'scopes' is required: a non-empty array of " + Scopes.ALL);
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (JsonValue element : array) {
            if (!(element instanceof JsonString scope) || !Scopes.ALL.contains(scope.getString())) {
                throw AdminException.badRequest("Unknown scope " + element + "; the scopes are " + Scopes.ALL);
            }
            scopes.add(scope.getString());
        }
        return scopes;
    }

    private static RateLimit rateLimit(JsonObject body) {
        JsonValue value = body.get("rateLimit");
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonObject limit)) {
            throw AdminException.badRequest("'rateLimit' must be an object: {\"perSecond\": 50, \"burst\": 100}");
        }
        Integer perSecond = Inputs.positiveInt(limit, "perSecond");
        if (perSecond == null) {
            throw AdminException.badRequest("'rateLimit.perSecond' is required");
        }
        Integer burst = Inputs.positiveInt(limit, "burst");
        return new RateLimit(perSecond, burst == null ? perSecond : burst);
    }
}
