package io.roster.groups.control;

import io.roster.protocol.control.JsonP;

import io.roster.groups.entity.Group;
import io.roster.groups.entity.GroupAttributes;
import io.roster.schema.control.ResourceValidator;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.control.UnknownSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.search.control.UniqueValues;
import io.roster.search.control.UniqueValues.Owner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;

/**
 * The path every group write takes (POST, PUT and the result of PATCH): validate against the realm's Group schemas (core and the realm's own extensions), store
 * the attributes, and change the members as a set in SQL.
 */
@ApplicationScoped
public class GroupWrites {

    @Inject
    GroupStore store;

    @Inject
    Memberships memberships;

    @Inject
    SchemaRegistry schemas;

    @Inject
    UniqueValues uniqueValues;

    /** A new group with the members given, if any; an unknown member id stores nothing (400 invalidValue). */
    public Group create(String realm, JsonObject input) {
        ResourceType type = schemas.group(realm);
        Validated validated = validate(type, input, validator(realm, type, input).normalize(input));
        uniqueValues.check(realm, type, Owner.GROUP, validated.attributes().values(), null);
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
        ResourceType type = schemas.group(group.realm());
        Validated validated = validate(type, input, validator(group.realm(), type, input)
                .normalize(GroupRepresentation.document(group), input));
        int membersChanged = validated.members().map(ids -> memberships.replace(group, ids)).orElse(0);
        if (!store(group, type, validated.attributes()) && membersChanged > 0) {
            store.touch(group);
        }
    }

    /** Stores a patched document (without members); false when nothing changed. */
    public boolean update(Group group, JsonObject patched) {
        ResourceType type = schemas.group(group.realm());
        return store(group, type, validate(type, patched, validator(group.realm(), type, patched)
                .normalize(GroupRepresentation.document(group), patched)).attributes());
    }

    private boolean store(Group group, ResourceType type, GroupAttributes attributes) {
        if (attributes.document().equals(group.document())) {
            return false;
        }
        uniqueValues.check(group.realm(), type, Owner.GROUP, attributes.values(), group.pk());
        store.update(group, attributes);
        return true;
    }

    private record Validated(GroupAttributes attributes, Optional<Set<String>> members) {
    }

    private static ResourceValidator validator(String realm, ResourceType type, JsonObject input) {
        ResourceValidator validator = new ResourceValidator(type);
        UnknownSchemas.report(realm, type.name(), validator.unknownSchemas(input));
        return validator;
    }

    private static Validated validate(ResourceType type, JsonObject input, JsonObject document) {
        Optional<Set<String>> members = ResourceValidator.findKey(input, "members")
                .map(key -> MemberIds.of(document.get("members")));
        JsonObject stored = JsonP.createObjectBuilder(document).remove("members").build();
        return new Validated(GroupAttributes.of(stored, type), members);
    }
}
