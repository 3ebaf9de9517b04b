package io.roster.admin.control;

import io.roster.protocol.control.JsonP;

import io.roster.admin.entity.AdminException;
import io.roster.audit.entity.LogEntry;
import io.roster.entitlements.entity.CatalogEntry;
import io.roster.security.entity.ApiToken;
import io.roster.security.entity.Scopes;
import io.roster.security.entity.ServiceAccount;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/** The admin API's JSON: request bodies in, representations and errors out. Never contains a token's value. */
public final class AdminJson {

    private AdminJson() {
    }

    public static Response error(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE.withCharset("utf-8"))
                .entity(JsonP.createObjectBuilder().add("error", message).add("status", status).build())
                .build();
    }

    /** The body as a JSON object; an empty body is an empty object unless the body is required. */
    public static JsonObject object(String body, boolean required) {
        if (body == null || body.isBlank()) {
            if (required) {
                throw AdminException.badRequest("The request needs a JSON object as its body");
            }
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = JsonP.createReader(new StringReader(body))) {
            JsonStructure value = reader.read();
            if (value instanceof JsonObject object) {
                return object;
            }
        } catch (JsonException e) {
            throw AdminException.badRequest("The body is not valid JSON");
        }
        throw AdminException.badRequest("The body must be a JSON object");
    }

    public static JsonObject realm(String name, String scimBaseUrl, int serviceAccounts) {
        return JsonP.createObjectBuilder()
                .add("name", name)
                .add("scimBaseUrl", scimBaseUrl)
                .add("serviceAccounts", serviceAccounts)
                .build();
    }

    public static JsonObjectBuilder account(ServiceAccount account, List<ApiToken> tokens) {
        JsonArrayBuilder scopes = JsonP.createArrayBuilder();
        Scopes.list(account.scopes()).forEach(scopes::add);
        JsonArrayBuilder tokenList = JsonP.createArrayBuilder();
        Instant now = Instant.now();
        tokens.forEach(t -> tokenList.add(token(t, now)));
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", account.id())
                .add("realm", account.realm())
                .add("name", account.name())
                .add("scopes", scopes)
                .add("createdAt", account.created().toString());
        account.rateLimit().ifPresent(limit -> json.add("rateLimit", JsonP.createObjectBuilder()
                .add("perSecond", limit.perSecond()).add("burst", limit.burst())));
        return json.add("tokens", tokenList);
    }

    public static JsonObjectBuilder token(ApiToken token, Instant now) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", token.id())
                .add("createdAt", token.created().toString());
        optional(json, "expiresAt", token.expires());
        optional(json, "revokedAt", token.revoked());
        optional(json, "lastUsedAt", token.lastUsed());
        return json.add("active", token.usableAt(now));
    }

    public static JsonObject logEntry(LogEntry entry) {
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("id", entry.id())
                .add("time", entry.time().toString())
                .add("realm", entry.realm());
        optional(json, "serviceAccount", entry.serviceAccount());
        json.add("method", entry.method()).add("path", entry.path());
        optional(json, "resourceType", entry.resourceType());
        optional(json, "resourceId", entry.resourceId());
        optional(json, "filter", entry.filter());
        json.add("status", entry.status());
        optional(json, "scimType", entry.scimType());
        json.add("durationMs", entry.durationMillis());
        optional(json, "userAgent", entry.userAgent());
        return json.build();
    }

    /** {@code {"roles": [...]}} or {@code {"entitlements": [...]}}. */
    public static JsonObject catalog(String name, List<CatalogEntry> entries) {
        JsonArrayBuilder list = JsonP.createArrayBuilder();
        entries.forEach(e -> list.add(catalogEntry(e)));
        return JsonP.createObjectBuilder().add(name, list).build();
    }

    /** A role ({@code id, displayName, description?, default}) or an entitlement ({@code type, id, …}). */
    public static JsonObjectBuilder catalogEntry(CatalogEntry entry) {
        JsonObjectBuilder json = JsonP.createObjectBuilder();
        optional(json, "type", entry.type());
        json.add("id", entry.id()).add("displayName", entry.displayName());
        optional(json, "description", entry.description());
        if (entry.type() == null) {
            json.add("default", entry.isDefault());
        }
        return json;
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }
}
