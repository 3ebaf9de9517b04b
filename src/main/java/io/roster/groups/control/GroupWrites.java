package io.roster.groups.control;

import io.roster.protocol.control.JsonP;

import io.roster.groups.entity.Group;
import io.roster.groups.entity.GroupAttributes;
import io.roster.schema.control.ResourceValidator;
import io.roster.schema.entity.CoreSchemas;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The path every group write takes (POST, PUT and the result of PATCH): validate against the Group schema, store
 * the attributes, and change the members as a set in SQL.
 */
@ApplicationScoped
public class GroupWrites {

    private static final ResourceValidator VALIDATOR = new ResourceValidator(CoreSchemas.GROUP_TYPE);

    @Inject
    GroupStore store;

    @Inject
    Memberships memberships;

    /** A new group with the members given, if any; an unknown member id stores nothing (400 invalidValue). */
    public Group create(String realm, JsonObject input) {
        Validated validated = validate(input, VALIDATOR.normalize(input));
        Group group = store.create(realm, validated.attributes());
        validated.members().ifPresent(ids -> memberships.add(group, ids));
        return group;
    }

    /**
     * PUT (RFC 7644 §3.5.1) of a locked group: displayName and externalId are replaced; the members become the
     * ones given ({@code []} or {@code null} empties the group). Without {@code members} in the body they stay as
     * they are, which §3.5.1 allows for an attribute the client does not assert, and which keeps a large group
     * safe from a client that renames it with PUT. A PUT that changes nothing writes nothing and keeps the
     * version: the representation is the same, and so is its entity tag (RFC 7232 §2.3).
     */
    public void replace(Group group, JsonObject input) {
        Validated validated = validate(input, VALIDATOR.normalize(GroupRepresentation.document(group), input));
        int membersChanged = validated.members().map(ids -> memberships.replace(group, ids)).orElse(0);
        if (!store(group, validated.attributes()) && membersChanged > 0) {
            store.touch(group);
        }
    }

    /** Stores a patched document (without members); false when nothing changed. */
    public boolean update(Group group, JsonObject patched) {
        return store(group, validate(patched,
                VALIDATOR.normalize(GroupRepresentation.document(group), patched)).attributes());
    }

    private boolean store(Group group, GroupAttributes attributes) {
        if (attributes.document().equals(group.document())) {
            return false;
        }
        store.update(group, attributes);
        return true;
    }

    private record Validated(GroupAttributes attributes, Optional<Set<String>> members) {
    }

    private static Validated validate(JsonObject input, JsonObject document) {
        Optional<Set<String>> members = ResourceValidator.findKey(input, "members")
                .map(key -> MemberIds.of(document.get("members")));
        JsonObject stored = JsonP.createObjectBuilder(document).remove("members").build();
        return new Validated(GroupAttributes.of(stored), members);
    }
}
