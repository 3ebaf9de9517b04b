package io.roster.groups.entity;

import jakarta.json.JsonObject;
import java.util.Locale;

/**
 * What a group row is made of, derived from a validated canonical SCIM document without members: the document
 * itself and the values of the indexed columns.
 */
public record GroupAttributes(String displayName, String externalId, String document) {

    public static GroupAttributes of(JsonObject document) {
        return new GroupAttributes(document.getString("displayName"), document.getString("externalId", null),
                document.toString());
    }

    public static String key(String displayName) {
        return displayName == null ? null : displayName.toLowerCase(Locale.ROOT);
    }
}
