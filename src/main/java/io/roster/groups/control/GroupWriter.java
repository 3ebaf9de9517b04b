package io.roster.groups.control;

import io.roster.protocol.entity.ListResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.util.List;

/**
 * Writes groups as JSON while their members are read from the database, chunk by chunk: a group of 100,000
 * members never exists as a whole in memory. The members of a group (RFC 7643 §4.2) are {@code value} (the
 * user's id), {@code display}, {@code $ref} and {@code type} "User".
 */
public final class GroupWriter {

    private final MemberFields fields;
    private final String usersBase;

    /** @param usersBase the URL of the Users endpoint, ending in "/" */
    public GroupWriter(MemberFields fields, String usersBase) {
        this.fields = fields;
        this.usersBase = usersBase;
    }

    /** A group's key and its projected representation without members. */
    public record Rendered(long pk, JsonObject json) {
    }

    /** One group; its members are written between its other attributes and {@code meta}. */
    public void write(JsonGenerator json, Rendered rendered, MemberCursor members) {
        JsonObject group = rendered.json();
        json.writeStartObject();
        group.forEach((name, value) -> {
            if (!name.equals("meta")) {
                json.write(name, value);
            }
        });
        if (!fields.none()) {
            json.writeStartArray("members");
            members.forEachMemberOf(rendered.pk(), member -> write(json, member));
            json.writeEnd();
        }
        JsonValue meta = group.get("meta");
        if (meta != null) {
            json.write("meta", meta);
        }
        json.writeEnd();
    }

    /** A list response (RFC 7644 §3.4.2) of groups given in ascending key order. */
    public void writeList(JsonGenerator json, long totalResults, int startIndex, List<Rendered> groups,
            MemberCursor members) {
        json.writeStartObject();
        json.writeStartArray("schemas").write(ListResponse.SCHEMA).writeEnd();
        json.write("totalResults", totalResults);
        json.write("startIndex", startIndex);
        json.write("itemsPerPage", groups.size());
        json.writeStartArray("Resources");
        groups.forEach(group -> write(json, group, members));
        json.writeEnd();
        json.writeEnd();
    }

    private void write(JsonGenerator json, MemberRow member) {
        json.writeStartObject();
        if (fields.shows("value")) {
            json.write("value", member.id());
        }
        if (fields.shows("display") && member.display() != null) {
            json.write("display", member.display());
        }
        if (fields.shows("$ref")) {
            json.write("$ref", usersBase + member.id());
        }
        if (fields.shows("type")) {
            json.write("type", "User");
        }
        json.writeEnd();
    }
}
