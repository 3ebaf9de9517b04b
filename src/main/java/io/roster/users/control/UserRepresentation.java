package io.roster.users.control;

import io.roster.protocol.control.JsonP;

import io.roster.schema.entity.ResourceType;
import io.roster.users.entity.User;
import jakarta.json.JsonArray;
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

    public static JsonObject of(User user, ResourceType type, URI location) {
        return of(user, type, location, JsonValue.EMPTY_JSON_ARRAY);
    }

    /**
     * @param type the realm's User type: the extensions it knows are listed in {@code schemas} when the user has
     *             values for them; values kept under a schema the realm no longer defines are not shown
     */
    public static JsonObject of(User user, ResourceType type, URI location, JsonArray groups) {
        JsonObject document = document(user);
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder(type.schemasOf(document)))
                .add("id", user.id());
        document.forEach((key, value) -> {
            if (type.shows(key)) {
                json.add(key, value);
            }
        });
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
