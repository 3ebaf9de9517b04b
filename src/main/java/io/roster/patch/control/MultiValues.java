package io.roster.patch.control;

import io.roster.protocol.control.JsonP;

import static io.roster.schema.control.ResourceValidator.findKey;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The values of a multi-valued attribute (RFC 7643 §2.4): lists of elements, their identity and "primary". */
final class MultiValues {

    private MultiValues() {
    }

    /** The elements of a value: none for null, the array's elements, or the single value alone. */
    static List<JsonValue> elements(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        return value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray() : List.of(value);
    }

    /** The elements as a JSON array, or null (unassigned, RFC 7643 §2.5) when there are none. */
    static JsonValue array(List<JsonValue> elements) {
        if (elements.isEmpty()) {
            return null;
        }
        JsonArrayBuilder builder = JsonP.createArrayBuilder();
        elements.forEach(builder::add);
        return builder.build();
    }

    /** An element as an object: a bare value {@code "x"} is taken as {@code {"value": "x"}}. */
    static JsonObject asObject(JsonValue element) {
        return element instanceof JsonObject object ? object
                : JsonP.createObjectBuilder().add("value", element).build();
    }

    /** Where {@code candidate} already is among {@code elements}: an equal value, or the same value and type. */
    static int indexOfSame(List<JsonValue> elements, JsonValue candidate) {
        int equal = elements.indexOf(candidate);
        if (equal >= 0 || !(candidate instanceof JsonObject)) {
            return equal;
        }
        Optional<String> value = valueOf(candidate);
        if (value.isEmpty()) {
            return -1;
        }
        Optional<String> type = typeOf(candidate);
        for (int i = 0; i < elements.size(); i++) {
            JsonValue element = elements.get(i);
            if (element instanceof JsonObject && value.equals(valueOf(element)) && sameType(type, typeOf(element))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * RFC 7644 §3.5.2: a value set to primary makes every other value of the attribute non-primary. Of the
     * {@code touched} elements that are primary, the last one wins.
     */
    static JsonValue withSinglePrimary(List<JsonValue> elements, List<JsonValue> touched) {
        Optional<JsonValue> keep = touched.stream().filter(MultiValues::isPrimary).reduce((a, b) -> b);
        if (keep.isEmpty()) {
            return array(elements);
        }
        List<JsonValue> result = new ArrayList<>();
        for (JsonValue element : elements) {
            if (element != keep.get() && isPrimary(element)) {
                JsonObject object = element.asJsonObject();
                result.add(with(object, findKey(object, "primary").orElse("primary"), JsonValue.FALSE));
            } else {
                result.add(element);
            }
        }
        return array(result);
    }

    /** {@code "primary": true}, or Microsoft Entra's {@code "primary": "True"} in any case. */
    static boolean isPrimary(JsonValue element) {
        if (!(element instanceof JsonObject object)) {
            return false;
        }
        JsonValue primary = findKey(object, "primary").map(object::get).orElse(null);
        return primary == JsonValue.TRUE
                || (primary instanceof JsonString s && s.getString().equalsIgnoreCase("true"));
    }

    static Optional<String> valueOf(JsonValue element) {
        if (element instanceof JsonString s) {
            return Optional.of(s.getString());
        }
        if (element instanceof JsonObject object) {
            return string(object, "value");
        }
        return Optional.empty();
    }

    private static Optional<String> typeOf(JsonValue element) {
        return string(element.asJsonObject(), "type");
    }

    private static boolean sameType(Optional<String> a, Optional<String> b) {
        return a.isEmpty() || b.isEmpty() || a.get().equalsIgnoreCase(b.get());
    }

    private static Optional<String> string(JsonObject object, String name) {
        return findKey(object, name).map(object::get)
                .filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString());
    }

    /** {@code object} with {@code key} set to {@code value}; a null or JSON null value removes the key. */
    static JsonObject with(JsonObject object, String key, JsonValue value) {
        JsonObjectBuilder builder = JsonP.createObjectBuilder(object);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            builder.remove(key);
        } else {
            builder.add(key, value);
        }
        return builder.build();
    }
}
