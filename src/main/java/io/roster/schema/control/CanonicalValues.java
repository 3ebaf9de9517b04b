package io.roster.schema.control;

import io.roster.protocol.control.JsonP;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * The canonical values of a custom extension's attributes are its only values (an administrator's enum, such as
 * ADMIN/MEMBER/OPERATOR): anything else is 400 invalidValue. A value matching one but for case, where the
 * attribute is not caseExact, is stored in the canonical spelling, so filters and sorting see one spelling.
 * (The canonical values of the core schemas, such as emails' "work"/"home", stay what RFC 7643 §2.3.1 makes
 * them: suggestions.)
 */
final class CanonicalValues {

    private CanonicalValues() {
    }

    static JsonObject enforce(List<Attribute> attributes, JsonObject values, String prefix) {
        JsonObjectBuilder out = JsonP.createObjectBuilder(values);
        for (Attribute attribute : attributes) {
            JsonValue value = values.get(attribute.name());
            if (value != null) {
                out.add(attribute.name(), enforce(attribute, value, prefix + attribute.name()));
            }
        }
        return out.build();
    }

    private static JsonValue enforce(Attribute attribute, JsonValue value, String path) {
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            JsonArrayBuilder array = JsonP.createArrayBuilder();
            value.asJsonArray().forEach(element -> array.add(one(attribute, element, path)));
            return array.build();
        }
        return one(attribute, value, path);
    }

    private static JsonValue one(Attribute attribute, JsonValue value, String path) {
        if (attribute.isComplex() && value instanceof JsonObject object) {
            return enforce(attribute.subAttributes(), object, path + ".");
        }
        if (attribute.canonicalValues().isEmpty() || !(value instanceof JsonString text)) {
            return value;
        }
        for (String canonical : attribute.canonicalValues()) {
            if (attribute.caseExact() ? canonical.equals(text.getString())
                    : canonical.equalsIgnoreCase(text.getString())) {
                return JsonP.createValue(canonical);
            }
        }
        throw ScimException.invalidValue("'" + path + "' is \"" + text.getString() + "\"; it must be one of "
                + attribute.canonicalValues());
    }
}
