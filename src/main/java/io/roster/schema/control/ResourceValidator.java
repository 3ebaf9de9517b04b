package io.roster.schema.control;

import io.roster.protocol.control.JsonP;

import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.AttributeType;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a resource as a client sent it (POST, PUT, or the result of a PATCH) into Roster's canonical document:
 * attribute names spelled as the schema spells them, values checked against their types, and everything the
 * client may not set left out. The same rules serve create, replace and patch, so the three cannot disagree.
 *
 * <ul>
 * <li>Read-only attributes ({@code id}, {@code meta}, {@code groups}, manager's {@code displayName}) and
 * attributes of no known schema are ignored, not rejected (RFC 7644 §3.3, §3.5.1; Okta echoes them back).</li>
 * <li>{@code null}, {@code []} and {@code {}} mean "unassigned" (RFC 7643 §2.5) and are dropped.</li>
 * <li>Booleans sent as the strings "true"/"false" in any case are accepted (Microsoft Entra sends "False").</li>
 * <li>A single value for a multi-valued attribute is taken as a one-element list; a plain string for a complex
 * attribute with a {@code value} sub-attribute is taken as its value (Entra's manager form; "" clears it, and so
 * does {@code {"value": ""}}).</li>
 * <li>Values of the wrong JSON type, strings over their length limit, more than one {@code primary: true}, and
 * missing required attributes are 400 {@code invalidValue}.</li>
 * <li>Replacing a stored resource, an immutable attribute that has a value must keep it: 400 {@code mutability}
 * ({@link ImmutableAttributes}).</li>
 * </ul>
 */
public final class ResourceValidator {

    private final ResourceType type;

    public ResourceValidator(ResourceType type) {
        this.type = type;
    }

    /**
     * The canonical form of {@code input} as the new state of the resource whose stored document is
     * {@code stored} (PUT, and the result of PATCH): besides what {@link #normalize(JsonObject)} checks, immutable
     * attributes that have a value keep it (RFC 7644 §3.5.1).
     */
    public JsonObject normalize(JsonObject stored, JsonObject input) {
        JsonObject document = normalize(input);
        ImmutableAttributes.checkReplacement(type, stored, document);
        return document;
    }

    public JsonObject normalize(JsonObject input) {
        JsonObjectBuilder out = JsonP.createObjectBuilder();
        Schema core = type.schema();
        for (Attribute attribute : writableTopLevel(core)) {
            findKey(input, attribute.name()).ifPresent(key -> put(out, attribute, input.get(key), attribute.name()));
        }
        for (Schema extension : type.extensions()) {
            Optional<String> key = findKey(input, extension.id());
            if (key.isEmpty()) {
                continue;
            }
            JsonValue value = input.get(key.get());
            if (value.getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ScimException.invalidValue("'" + extension.id() + "' must be a JSON object of "
                        + extension.name() + " attributes");
            }
            JsonObject extensionValue = normalizeComplex(extension.attributes(), value.asJsonObject(),
                    extension.id() + ":");
            if (!SchemaDefinitions.isBuiltIn(extension.id())) {
                extensionValue = CanonicalValues.enforce(extension.attributes(), extensionValue,
                        extension.id() + ":");
            }
            if (!extensionValue.isEmpty()) {
                out.add(extension.id(), extensionValue);
            }
        }
        JsonObject document = out.build();
        checkRequired(core, document);
        return document;
    }

    private List<Attribute> writableTopLevel(Schema core) {
        List<Attribute> result = new ArrayList<>();
        for (Attribute common : CoreSchemas.COMMON) {
            if (!common.isReadOnly()) {
                result.add(common);
            }
        }
        for (Attribute attribute : core.attributes()) {
            if (!attribute.isReadOnly()) {
                result.add(attribute);
            }
        }
        return result;
    }

    private void checkRequired(Schema core, JsonObject document) {
        checkRequired(core.attributes(), document, "");
        for (Schema extension : type.extensions()) {
            JsonObject values = document.get(extension.id()) instanceof JsonObject object ? object
                    : JsonValue.EMPTY_JSON_OBJECT;
            checkRequired(extension.attributes(), values, extension.id() + ":");
        }
    }

    /** Required attributes, and required sub-attributes of the complex values present (RFC 7643 §2.2, §7). */
    private static void checkRequired(List<Attribute> attributes, JsonObject values, String prefix) {
        for (Attribute attribute : attributes) {
            JsonValue value = values.get(attribute.name());
            if (attribute.required() && (value == null
                    || (value instanceof JsonString text && text.getString().isBlank()))) {
                throw ScimException.invalidValue("'" + prefix + attribute.name()
                        + "' is required and must not be empty");
            }
            if (attribute.isComplex() && value != null) {
                List<JsonValue> elements = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray()
                        : List.of(value);
                for (JsonValue element : elements) {
                    if (element instanceof JsonObject object) {
                        checkRequired(attribute.subAttributes(), object, prefix + attribute.name() + ".");
                    }
                }
            }
        }
    }

    /**
     * The schema URNs among the keys of {@code input} that this resource type does not know: their attributes are
     * ignored (RFC 7644 §3.3), and the caller may want to say so.
     */
    public Set<String> unknownSchemas(JsonObject input) {
        Set<String> unknown = new LinkedHashSet<>();
        for (String key : input.keySet()) {
            if (key.regionMatches(true, 0, "urn:", 0, 4) && !type.isCoreSchema(key) && type.extension(key).isEmpty()
                    && !key.toLowerCase(Locale.ROOT).startsWith(type.schema().id().toLowerCase(Locale.ROOT) + ":")) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    private void put(JsonObjectBuilder out, Attribute attribute, JsonValue value, String path) {
        JsonValue normalized = attribute.multiValued() ? normalizeMulti(attribute, value, path)
                : normalizeSingle(attribute, value, path);
        if (normalized != null) {
            out.add(attribute.name(), normalized);
        }
    }

    private JsonValue normalizeMulti(Attribute attribute, JsonValue value, String path) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        List<JsonValue> elements = value.getValueType() == JsonValue.ValueType.ARRAY
                ? value.asJsonArray() : List.of(value);
        Set<JsonValue> distinct = new LinkedHashSet<>();
        int primaries = 0;
        for (JsonValue element : elements) {
            JsonValue normalized = normalizeSingle(attribute, element, path);
            if (normalized == null) {
                continue;
            }
            if (normalized instanceof JsonObject object && object.getBoolean("primary", false)) {
                primaries++;
            }
            distinct.add(normalized);
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("Only one of the values of '" + path
                    + "' may have \"primary\": true (RFC 7643 §2.4)");
        }
        if (distinct.isEmpty()) {
            return null;
        }
        JsonArrayBuilder array = JsonP.createArrayBuilder();
        distinct.forEach(array::add);
        return array.build();
    }

    private JsonValue normalizeSingle(Attribute attribute, JsonValue value, String path) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (attribute.isComplex()) {
            if (value instanceof JsonString text && !attribute.multiValued() && attribute.subAttribute("value").isPresent()) {
                return text.getString().isEmpty() ? null
                        : normalizeComplex(attribute.subAttributes(), JsonP.createObjectBuilder()
                                .add("value", text).build(), path + ".");
            }
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw wrongType(path, "a JSON object");
            }
            JsonObject object = normalizeComplex(attribute.subAttributes(), value.asJsonObject(), path + ".");
            return object.isEmpty() || hasEmptyValue(attribute, object) ? null : object;
        }
        return normalizeSimple(attribute, value, path);
    }

    /**
     * {@code {"value": ""}} is the object form of {@code ""}: both clear the attribute (Microsoft Entra removes a
     * manager either way), so a complex value whose {@code value} sub-attribute is empty is unassigned.
     */
    private static boolean hasEmptyValue(Attribute attribute, JsonObject object) {
        return attribute.subAttribute("value").isPresent()
                && object.get("value") instanceof JsonString text && text.getString().isEmpty();
    }

    private JsonObject normalizeComplex(List<Attribute> attributes, JsonObject input, String prefix) {
        JsonObjectBuilder out = JsonP.createObjectBuilder();
        for (Attribute sub : attributes) {
            if (sub.isReadOnly()) {
                continue;
            }
            findKey(input, sub.name()).ifPresent(key -> put(out, sub, input.get(key), prefix + sub.name()));
        }
        return out.build();
    }

    private JsonValue normalizeSimple(Attribute attribute, JsonValue value, String path) {
        AttributeType kind = attribute.type();
        return switch (kind) {
            case BOOLEAN -> normalizeBoolean(value, path);
            case INTEGER, DECIMAL -> normalizeNumber(kind, value, path);
            case DATE_TIME -> normalizeDateTime(value, path);
            default -> normalizeString(attribute, value, path);
        };
    }

    private JsonValue normalizeBoolean(JsonValue value, String path) {
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value;
        }
        if (value instanceof JsonString text) {
            String lower = text.getString().trim().toLowerCase(Locale.ROOT);
            if (lower.equals("true")) {
                return JsonValue.TRUE;
            }
            if (lower.equals("false")) {
                return JsonValue.FALSE;
            }
        }
        throw wrongType(path, "a boolean");
    }

    private JsonValue normalizeNumber(AttributeType kind, JsonValue value, String path) {
        if (!(value instanceof JsonNumber number)) {
            throw wrongType(path, kind == AttributeType.INTEGER ? "an integer" : "a number");
        }
        if (kind == AttributeType.INTEGER && !number.isIntegral()) {
            throw wrongType(path, "an integer");
        }
        return JsonP.createValue(new BigDecimal(number.toString()));
    }

    private JsonValue normalizeDateTime(JsonValue value, String path) {
        if (value instanceof JsonString text) {
            try {
                OffsetDateTime.parse(text.getString());
                return text;
            } catch (DateTimeParseException e) {
                throw ScimException.invalidValue("'" + path + "' must be an xsd:dateTime such as "
                        + "2024-05-01T10:00:00Z");
            }
        }
        throw wrongType(path, "a dateTime string");
    }

    private JsonValue normalizeString(Attribute attribute, JsonValue value, String path) {
        if (!(value instanceof JsonString text)) {
            throw wrongType(path, "a string");
        }
        if (text.getString().indexOf('\u0000') >= 0) {
            throw ScimException.invalidValue("'" + path + "' contains the NUL character, which cannot be stored");
        }
        if (text.getString().length() > attribute.maxLength()) {
            throw ScimException.invalidValue("'" + path + "' is longer than " + attribute.maxLength()
                    + " characters");
        }
        return text;
    }

    private static ScimException wrongType(String path, String expected) {
        return ScimException.invalidValue("'" + path + "' must be " + expected);
    }

    /** The key of {@code object} that names {@code name}, compared case-insensitively (RFC 7643 §2.1). */
    public static Optional<String> findKey(JsonObject object, String name) {
        if (object.containsKey(name)) {
            return Optional.of(name);
        }
        for (String key : object.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }
}
