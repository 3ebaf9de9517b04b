package io.roster.users.entity;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a user row is made of, derived from a validated canonical SCIM document: the document itself (without the
 * password, which is never stored as given) and the values of the indexed columns.
 */
public record UserAttributes(String userName, String externalId, String displayName, boolean active,
        List<EmailKey> emails, String document) {

    public static UserAttributes of(JsonObject document) {
        List<EmailKey> emails = new ArrayList<>();
        for (JsonValue email : document.getJsonArray("emails") == null ? List.<JsonValue>of()
                : document.getJsonArray("emails")) {
            JsonObject object = email.asJsonObject();
            emails.add(new EmailKey(key(object.getString("value", null)), key(object.getString("type", null))));
        }
        return new UserAttributes(document.getString("userName"), document.getString("externalId", null),
                document.getString("displayName", null), document.getBoolean("active", true), emails,
                document.toString());
    }

    public static String key(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
