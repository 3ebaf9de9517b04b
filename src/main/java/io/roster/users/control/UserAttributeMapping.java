package io.roster.users.control;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.AttributeType;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.search.control.SchemaSearch;
import io.roster.search.control.SearchableAttribute;
import io.roster.users.entity.UserAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where filters find user attributes: the lookups Okta and Entra make (userName, externalId, id) and the meta
 * dates are indexed columns of scim_user; every other attribute, core or extension, is a searchable value row.
 */
final class UserAttributeMapping implements AttributeMapping {

    private static final Map<String, Column> COLUMNS = Map.of(
            "id", new Column("id", AttributeType.STRING, true, false),
            "username", new Column("userNameKey", AttributeType.STRING, false, true),
            "externalid", new Column("externalId", AttributeType.STRING, true, false),
            "active", new Column("active", AttributeType.BOOLEAN, false, false),
            "meta.created", new Column("created", AttributeType.DATE_TIME, false, false),
            "meta.lastmodified", new Column("lastModified", AttributeType.DATE_TIME, false, false));

    /** Columns with a unique index within a realm ({@code ux_scim_user_id, ux_scim_user_name}). */
    private static final Set<String> UNIQUE = Set.of("id", "username");

    private final SchemaSearch search;

    /** @param type the realm's User type: core, enterprise and the realm's own extensions */
    UserAttributeMapping(ResourceType type) {
        this.search = new SchemaSearch(type, UserAttributes.IN_COLUMNS);
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

    /** The unique columns, and externalId ({@code ix_scim_user_external_id}). */
    @Override
    public boolean indexedForEquality(AttributePath path) {
        return uniqueInRealm(path) || coreSchema(path) && path.fullName().equalsIgnoreCase("externalId");
    }

    @Override
    public Optional<Collection> collection(AttributePath path) {
        return Optional.empty();
    }

    @Override
    public Optional<SearchableAttribute> searchable(AttributePath path) {
        return search.resolve(path);
    }

    private static boolean coreSchema(AttributePath path) {
        return path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(CoreSchemas.USER);
    }
}
