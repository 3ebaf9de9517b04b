package io.roster.groups.control;

import io.roster.protocol.control.JsonP;

import io.roster.groups.entity.Group;
import io.roster.schema.entity.ResourceType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;

/**
 * A stored group as SCIM JSON without its members: the document plus {@code schemas}, {@code id} and
 * {@code meta}. Members are written by {@link GroupWriter}, streamed from the member table.
 */
public final class GroupRepresentation {

    private GroupRepresentation() {
    }

    public static JsonObject document(Group group) {
        try (JsonReader reader = JsonP.createReader(new StringReader(group.document()))) {
            return reader.readObject();
        }
    }

    /**
     * @param type the realm's Group type: the extensions it knows are listed in {@code schemas} when the group has
     *             values for them; values kept under a schema the realm no longer defines are not shown
     */
    public static JsonObject withoutMembers(Group group, ResourceType type, URI location) {
        JsonObject document = document(group);
        JsonObjectBuilder json = JsonP.createObjectBuilder()
                .add("schemas", JsonP.createArrayBuilder(type.schemasOf(document)))
                .add("id", group.id());
        document.forEach((key, value) -> {
            if (type.shows(key)) {
                json.add(key, value);
            }
        });
        json.add("meta", JsonP.createObjectBuilder()
                .add("resourceType", "Group")
                .add("created", group.created().toString())
                .add("lastModified", group.lastModified().toString())
                .add("location", location.toString())
                .add("version", etag(group)));
        return json.build();
    }

    public static String etag(Group group) {
        return "W/\"" + group.version() + "\"";
    }
}
