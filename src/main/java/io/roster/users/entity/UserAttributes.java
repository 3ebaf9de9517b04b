package io.roster.users.entity;

import io.roster.schema.entity.ResourceType;
import io.roster.search.control.AttributeIndexer;
import io.roster.search.entity.IndexedValue;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a user row is made of, derived from a validated canonical SCIM document: the document itself (without the
 * password, which is never stored as given), the values of the indexed columns and the searchable values of
 * everything else.
 */
public record UserAttributes(String userName, String externalId, String displayName, boolean active,
        List<IndexedValue> values, String document) {

    /** Top-level attributes that have columns of their own in scim_user (externalId is not in the schema). */
    public static final Set<String> IN_COLUMNS = Set.of("username", "active");

    /** @param type the realm's User type, whose schemas say which values are searchable */
    public static UserAttributes of(JsonObject document, ResourceType type) {
        return new UserAttributes(document.getString("userName"), document.getString("externalId", null),
                document.getString("displayName", null), document.getBoolean("active", true),
                new AttributeIndexer(type, IN_COLUMNS).index(document), document.toString());
    }

    public static String key(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
