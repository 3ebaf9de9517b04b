package io.roster.groups.entity;

import io.roster.schema.entity.ResourceType;
import io.roster.search.control.AttributeIndexer;
import io.roster.search.entity.IndexedValue;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a group row is made of, derived from a validated canonical SCIM document without members: the document
 * itself, the values of the indexed columns and the searchable values of its extension attributes.
 */
public record GroupAttributes(String displayName, String externalId, List<IndexedValue> values, String document) {

    /** Core attributes with columns or a table of their own: every other value is a searchable row. */
    public static final Set<String> IN_COLUMNS = Set.of("displayname", "members");

    /** @param type the realm's Group type, whose schemas say which values are searchable */
    public static GroupAttributes of(JsonObject document, ResourceType type) {
        return new GroupAttributes(document.getString("displayName"), document.getString("externalId", null),
                new AttributeIndexer(type, IN_COLUMNS).index(document), document.toString());
    }

    public static String key(String displayName) {
        return displayName == null ? null : displayName.toLowerCase(Locale.ROOT);
    }
}
