package io.roster.groups.control;

import io.roster.protocol.control.JsonP;

import static io.roster.schema.control.ResourceValidator.findKey;

import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.PatchPath;
import io.roster.groups.entity.Group;
import io.roster.patch.control.PatchEngine;
import io.roster.patch.entity.PatchOp;
import io.roster.patch.entity.PatchOperation;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.Mutability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * PATCH of a group (RFC 7644 §3.5.2) in every dialect Okta and Microsoft Entra send. Operations apply in order.
 * Operations on {@code members} are set operations on the member table ({@link Memberships}); all others go
 * through the {@link PatchEngine} on the group's document, which holds no members. The caller runs it all in one
 * transaction on a locked group, so a failing operation leaves the group as it was (§3.5.2: atomic).
 */
@ApplicationScoped
public class GroupPatch {

    @Inject
    GroupStore store;

    @Inject
    GroupWrites writes;

    @Inject
    Memberships memberships;

    @Inject
    SchemaRegistry schemas;

    public void apply(Group group, List<PatchOperation> operations) {
        // "id" is in the working document so that Okta's {"op":"replace","value":{"id":"<same id>",…}} is a no-op
        JsonObject document = JsonP.createObjectBuilder(GroupRepresentation.document(group))
                .add("id", group.id()).build();
        PatchEngine engine = new PatchEngine(schemas.group(group.realm()));
        boolean membersChanged = false;
        for (PatchOperation operation : operations) {
            try {
                membersChanged |= changeMembers(group, operation) > 0;
                Optional<PatchOperation> rest = withoutMembers(operation);
                if (rest.isPresent()) {
                    document = engine.apply(document, List.of(rest.get()));
                }
            } catch (ScimException e) {
                throw at(operation, e);
            }
        }
        if (!writes.update(group, document) && membersChanged) {
            store.touch(group);
        }
    }

    /** What the operation does to members, as set operations; the number of memberships changed. */
    private int changeMembers(Group group, PatchOperation operation) {
        if (operation.path() == null) {
            return membersKey(operation)
                    .map(key -> changeMembers(group, operation.op(), operation.value().asJsonObject().get(key)))
                    .orElse(0);
        }
        PatchPath path = operation.path();
        if (!isMembers(path.attribute())) {
            return 0;
        }
        String sub = path.subAttribute() != null ? path.subAttribute() : path.attribute().subAttribute();
        if (sub != null) {
            if (isImmutableMemberAttribute(sub)) {
                throw ScimException.mutability("'members." + sub + "' is immutable (RFC 7643 §4.2): remove the "
                        + "member and add another instead of changing \"" + operation.pathText() + "\"");
            }
            throw ScimException.invalidPath("Roster keeps no attributes per member: add or remove members by "
                    + "their value instead of changing \"" + operation.pathText() + "\"");
        }
        if (path.valueFilter() == null) {
            return changeMembers(group, operation.op(), operation.value());
        }
        if (operation.op() != PatchOp.REMOVE) {
            throw ScimException.invalidPath("A filter selects members to remove; to add members, use the path "
                    + "\"members\" with the members in \"value\"");
        }
        return memberships.remove(group, MemberIds.of(path.valueFilter()));
    }

    private int changeMembers(Group group, PatchOp op, JsonValue value) {
        return switch (op) {
            case ADD -> memberships.add(group, MemberIds.of(value));
            case REPLACE -> memberships.replace(group, MemberIds.of(value));
            case REMOVE -> value == null || value.getValueType() == JsonValue.ValueType.NULL
                    ? memberships.removeAll(group)
                    : memberships.remove(group, MemberIds.of(value));
        };
    }

    private static boolean isImmutableMemberAttribute(String name) {
        return CoreSchemas.GROUP_SCHEMA.attribute("members").flatMap(members -> members.subAttribute(name))
                .map(sub -> sub.mutability() == Mutability.IMMUTABLE).orElse(false);
    }

    private static boolean isMembers(AttributePath path) {
        return path.name().equalsIgnoreCase("members")
                && (path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(CoreSchemas.GROUP));
    }

    /** The key of {@code members} in the value of a path-less add or replace (Okta and Entra send both). */
    private static Optional<String> membersKey(PatchOperation operation) {
        if (operation.path() != null) {
            return Optional.empty();
        }
        JsonObject value = operation.value().asJsonObject();
        return findKey(value, "members").or(() -> findKey(value, CoreSchemas.GROUP + ":members"));
    }

    /** The operation on the group's document, without anything on members; empty when nothing is left. */
    private static Optional<PatchOperation> withoutMembers(PatchOperation operation) {
        if (operation.path() != null) {
            return isMembers(operation.path().attribute()) ? Optional.empty() : Optional.of(operation);
        }
        Optional<String> key = membersKey(operation);
        if (key.isEmpty()) {
            return Optional.of(operation);
        }
        JsonObject rest = JsonP.createObjectBuilder(operation.value().asJsonObject()).remove(key.get()).build();
        return rest.isEmpty() ? Optional.empty()
                : Optional.of(new PatchOperation(operation.op(), null, null, rest, operation.index()));
    }

    private static ScimException at(PatchOperation operation, ScimException e) {
        String prefix = "Operations[" + operation.index() + "]";
        String detail = e.detail().startsWith(prefix) ? e.detail() : prefix + ": " + e.detail();
        return new ScimException(e.status(), e.scimType(), detail);
    }
}
