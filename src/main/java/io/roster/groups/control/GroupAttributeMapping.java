package io.roster.groups.control;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.AttributeType;
import io.roster.groups.entity.GroupAttributes;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.search.control.SchemaSearch;
import io.roster.search.control.SearchableAttribute;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The group attributes that filters can name, and the columns that hold them; extension attributes are searchable
 * values, as for users. {@code members} is the membership
 * table joined to the member's user, so {@code members[value eq "…"]} and {@code members.value eq "…"} become
 * an EXISTS on the indexed join table.
 */
final class GroupAttributeMapping implements AttributeMapping {

    private static final Map<String, Column> COLUMNS = Map.of(
            "id", new Column("id", AttributeType.STRING, true, false),
            "displayname", new Column("displayNameKey", AttributeType.STRING, false, true),
            "externalid", new Column("externalId", AttributeType.STRING, true, false),
            "meta.created", new Column("created", AttributeType.DATE_TIME, false, false),
            "meta.lastmodified", new Column("lastModified", AttributeType.DATE_TIME, false, false));

    private static final Collection MEMBERS = new Collection("memberships", Map.of(
            "value", new Column("member.id", AttributeType.STRING, true, false)), "value");

    /** Columns with a unique index within a realm ({@code ux_scim_group_id, ux_scim_group_display_name}). */
    private static final Set<String> UNIQUE = Set.of("id", "displayname");

    private final SchemaSearch search;

    /** @param type the realm's Group type: core and the realm's own extensions */
    GroupAttributeMapping(ResourceType type) {
        this.search = new SchemaSearch(type, GroupAttributes.IN_COLUMNS);
    }

    @Override
    public Optional<Column> column(AttributePath path) {
        if (!coreSchema(path)) {
            return Optional.empty();
        }
        return Optional.ofNullable(COLUMNS.get(path.fullName().toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean uniqueInRealm(AttributePath path) {
        return coreSchema(path) && UNIQUE.contains(path.fullName().toLowerCase(Locale.ROOT));
    }

    /** The unique columns, and externalId ({@code ix_scim_group_external_id}). */
    @Override
    public boolean indexedForEquality(AttributePath path) {
        return uniqueInRealm(path) || coreSchema(path) && path.fullName().equalsIgnoreCase("externalId");
    }

    @Override
    public Optional<Collection> collection(AttributePath path) {
        return coreSchema(path) && path.subAttribute() == null && path.name().equalsIgnoreCase("members")
                ? Optional.of(MEMBERS) : Optional.empty();
    }

    /** Extension attributes, through the group's searchable-value rows. */
    @Override
    public Optional<SearchableAttribute> searchable(AttributePath path) {
        return search.resolve(path);
    }

    private static boolean coreSchema(AttributePath path) {
        return path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(CoreSchemas.GROUP);
    }
}
