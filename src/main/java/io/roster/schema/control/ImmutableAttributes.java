package io.roster.schema.control;

import static io.roster.schema.control.ResourceValidator.findKey;

import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.Mutability;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * RFC 7643 §2.2 "immutable": an attribute may get its value when the resource is created, or (a sub-attribute of
 * a multi-valued attribute) when its value is added, or later while it has none; once it has a value, that value
 * never changes, and it is not removed either. A change is 400 {@code mutability} (RFC 7644 §3.5.1, §3.5.2).
 */
public final class ImmutableAttributes {

    private ImmutableAttributes() {
    }

    /** {@code replacement} (a PUT body, or a patched document) takes the place of {@code stored}. */
    public static void checkReplacement(ResourceType type, JsonObject stored, JsonObject replacement) {
        check(type.schema().attributes(), stored, replacement, "");
        for (Schema extension : type.extensions()) {
            check(extension.attributes(), object(stored, extension.id()), object(replacement, extension.id()),
                    extension.id() + ":");
        }
    }

    /** One value of the complex attribute {@code complex} (at {@code path}) is changed in place. */
    public static void checkValue(Attribute complex, JsonObject before, JsonObject after, String path) {
        check(complex.subAttributes(), before, after, path + ".");
    }

    private static void check(List<Attribute> attributes, JsonObject before, JsonObject after, String prefix) {
        for (Attribute attribute : attributes) {
            JsonValue old = value(before, attribute.name());
            JsonValue now = value(after, attribute.name());
            if (attribute.mutability() == Mutability.IMMUTABLE && old != null && !same(attribute, old, now)) {
                throw ScimException.mutability("'" + prefix + attribute.name() + "' is immutable: once it has a "
                        + "value, that value cannot be changed or removed (RFC 7643 §2.2)");
            }
            if (attribute.isComplex() && !attribute.multiValued() && old instanceof JsonObject oldObject) {
                JsonObject nowObject = now instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
                check(attribute.subAttributes(), oldObject, nowObject, prefix + attribute.name() + ".");
            }
        }
    }

    /** Equal values; strings of attributes that are not case-exact compare regardless of case (RFC 7643 §2.2). */
    private static boolean same(Attribute attribute, JsonValue old, JsonValue now) {
        if (!attribute.caseExact() && old instanceof JsonString a && now instanceof JsonString b) {
            return a.getString().equalsIgnoreCase(b.getString());
        }
        return old.equals(now);
    }

    private static JsonValue value(JsonObject object, String name) {
        JsonValue value = findKey(object, name).map(object::get).orElse(null);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    private static JsonObject object(JsonObject document, String key) {
        return value(document, key) instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }
}
