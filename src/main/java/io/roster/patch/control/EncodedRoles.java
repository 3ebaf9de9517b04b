package io.roster.patch.control;

import io.roster.protocol.control.JsonP;

import static io.roster.schema.control.ResourceValidator.findKey;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft Entra's default provisioning job assigns app roles with the role object JSON-encoded as a string inside
 * {@code value} (protocol notes §3.2):
 * {@code {"op":"Add","path":"roles","value":[{"value":"{\"id\":\"06b0…\",\"value\":\"Admin\",\"displayName\":\"Admin\"}"}]}}.
 * Such a role is decoded into the RFC 7643 §4.1.2 shape: {@code value} stays {@code value}, Entra's
 * {@code displayName} becomes {@code display}; Entra's role {@code id} has no place in a SCIM role and is dropped.
 * A string that is not a JSON object with a string {@code value} is an ordinary role value and stays as sent.
 */
final class EncodedRoles {

    private static final Map<String, String> SUB_ATTRIBUTES = Map.of(
            "value", "value", "displayname", "display", "display", "display", "type", "type", "primary", "primary");

    private EncodedRoles() {
    }

    /** The roles of an add/replace value (one role or an array of them) with encoded roles decoded. */
    static JsonValue decode(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            return value == null ? null : decodeRole(value);
        }
        List<JsonValue> roles = new ArrayList<>();
        for (JsonValue role : value.asJsonArray()) {
            roles.add(decodeRole(role));
        }
        return JsonP.createArrayBuilder(roles).build();
    }

    private static JsonValue decodeRole(JsonValue role) {
        if (role instanceof JsonString text) {
            return decoded(text.getString()).map(JsonValue.class::cast).orElse(role);
        }
        if (!(role instanceof JsonObject object)) {
            return role;
        }
        Optional<String> valueKey = findKey(object, "value");
        if (valueKey.isEmpty() || !(object.get(valueKey.get()) instanceof JsonString text)) {
            return role;
        }
        Optional<JsonObject> decoded = decoded(text.getString());
        if (decoded.isEmpty()) {
            return role;
        }
        JsonObjectBuilder merged = JsonP.createObjectBuilder(decoded.get());
        object.forEach((key, sub) -> {
            if (!key.equals(valueKey.get()) && findKey(decoded.get(), key).isEmpty()) {
                merged.add(key, sub);
            }
        });
        return merged.build();
    }

    /** The role a string encodes, in SCIM's sub-attribute names, if it encodes one. */
    private static Optional<JsonObject> decoded(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        JsonObject encoded;
        try (JsonReader reader = JsonP.createReader(new StringReader(trimmed))) {
            encoded = reader.readObject();
        } catch (JsonException e) {
            return Optional.empty();
        }
        if (!(findKey(encoded, "value").map(encoded::get).orElse(null) instanceof JsonString)) {
            return Optional.empty();
        }
        JsonObjectBuilder role = JsonP.createObjectBuilder();
        encoded.forEach((key, sub) -> {
            String name = SUB_ATTRIBUTES.get(key.toLowerCase(Locale.ROOT));
            if (name != null) {
                role.add(name, sub);
            }
        });
        return Optional.of(role.build());
    }
}
