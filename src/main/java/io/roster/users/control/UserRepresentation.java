package io.roster.users.control;

import io.roster.protocol.control.JsonP;

import io.roster.schema.entity.CoreSchemas;
import io.roster.users.entity.User;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;

/**
 * A stored user as SCIM JSON: the document plus {@code schemas}, {@code id}, {@code active}, the user's
 * {@code groups} (computed from memberships, when given) and {@code meta}.
 */
public final class UserRepresentation {

    private UserRepresentation() {
    }

    public static JsonObject document(User user) {
        try (JsonReader reader = JsonP.createReader(new StringReader(user.document()))) {
            return reader.readObject();
        }
    }

    public static JsonObject of(User user, URI location) {
        return of(user, location, JsonValue.EMPTY_JSON_ARRAY);
    }

    public static JsonObject of(User user, URI location, JsonArray groups) {
        JsonObject document = document(user);
        JsonArrayBuilder schemas = JsonP.createArrayBuilder().add(CoreSchemas.USER);
        if (document.containsKey(CoreSchemas.ENTERPRISE_USER)) {
            schemas.add(CoreSchemas.ENTERPRISE_USER);
        }
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("schemas", schemas)
                .add("id", user.id());
        document.forEach(json::add);
        json.add("active", user.active());
        if (!groups.isEmpty()) {
            json.add("groups", groups);
        }
        json.add("meta", JsonP.createObjectBuilder()
                .add("resourceType", "User")
                .add("created", user.created().toString())
                .add("lastModified", user.lastModified().toString())
                .add("location", location.toString())
                .add("version", etag(user)));
        return json.build();
    }

    public static String etag(User user) {
        return "W/\"" + user.version() + "\"";
    }
}
