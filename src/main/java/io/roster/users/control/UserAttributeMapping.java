package io.roster.users.control;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.AttributeType;
import io.roster.schema.entity.CoreSchemas;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The user attributes that filters can name, and the columns that hold them (all index-backed lookups). */
final class UserAttributeMapping implements AttributeMapping {

    static final UserAttributeMapping INSTANCE = new UserAttributeMapping();

    private static final Map<String, Column> COLUMNS = Map.of(
            "id", new Column("id", AttributeType.STRING, true, false),
            "username", new Column("userNameKey", AttributeType.STRING, false, true),
            "externalid", new Column("externalId", AttributeType.STRING, true, false),
            "displayname", new Column("displayName", AttributeType.STRING, false, false),
            "active", new Column("active", AttributeType.BOOLEAN, false, false),
            "meta.created", new Column("created", AttributeType.DATE_TIME, false, false),
            "meta.lastmodified", new Column("lastModified", AttributeType.DATE_TIME, false, false));

    private static final Collection EMAILS = new Collection("emails", Map.of(
            "value", new Column("value", AttributeType.STRING, false, true),
            "type", new Column("type", AttributeType.STRING, false, true)), "value");

    @Override
    public Optional<Column> column(AttributePath path) {
        if (!coreSchema(path)) {
            return Optional.empty();
        }
        return Optional.ofNullable(COLUMNS.get(path.fullName().toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<Collection> collection(AttributePath path) {
        return coreSchema(path) && path.subAttribute() == null && path.name().equalsIgnoreCase("emails")
                ? Optional.of(EMAILS) : Optional.empty();
    }

    private static boolean coreSchema(AttributePath path) {
        return path.schemaUrn() == null || path.schemaUrn().equalsIgnoreCase(CoreSchemas.USER);
    }
}
