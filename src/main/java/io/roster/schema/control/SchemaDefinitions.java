package io.roster.schema.control;

import io.roster.entitlements.entity.OktaSchemas;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.AttributeType;
import io.roster.protocol.control.JsonP;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.InvalidSchemaDefinition;
import io.roster.schema.entity.Mutability;
import io.roster.schema.entity.Returned;
import io.roster.schema.entity.Schema;
import io.roster.schema.entity.Uniqueness;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an administrator's extension schema, an RFC 7643 §7 Schema resource, into a {@link Schema}, refusing
 * whatever Roster could not enforce exactly as written. The limits keep every attribute path within the 300
 * characters of the searchable-value rows: a URN of at most 160 characters, names of at most 64.
 */
public final class SchemaDefinitions {

    /** RFC 8141 URN: "urn:", a namespace identifier, then the namespace-specific part. */
    static final Pattern URN = Pattern.compile("(?i)urn:[a-z0-9][a-z0-9-]{0,31}:[A-Za-z0-9()+,\\-.:=@;$_!*'%]+");
    /** RFC 7643 §2.1 ATTRNAME = ALPHA *(nameChar), nameChar = "-" / "_" / DIGIT / ALPHA. */
    static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    static final int MAX_URN = 160;
    static final int MAX_ATTRIBUTES = 100;
    static final int MAX_CANONICAL_VALUES = 1000;

    private static final Set<String> BUILT_IN = Set.of(CoreSchemas.USER, CoreSchemas.GROUP,
            CoreSchemas.ENTERPRISE_USER, OktaSchemas.ROLE_SCHEMA.id(), OktaSchemas.ENTITLEMENT_SCHEMA.id(),
            "urn:ietf:params:scim:api:messages:2.0:ListResponse", "urn:ietf:params:scim:api:messages:2.0:PatchOp",
            "urn:ietf:params:scim:api:messages:2.0:SearchRequest", "urn:ietf:params:scim:api:messages:2.0:Error",
            SchemaRepresentation.SCHEMA_SCHEMA, SchemaRepresentation.RESOURCE_TYPE_SCHEMA,
            "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");

    private SchemaDefinitions() {
    }

    /** Whether {@code urn} names a schema Roster defines itself, which no realm may redefine. */
    public static boolean isBuiltIn(String urn) {
        return BUILT_IN.stream().anyMatch(b -> b.equalsIgnoreCase(urn));
    }

    /**
     * The schema {@code definition} describes. Its {@code id}, when present, must be {@code urn} (the URN the
     * administrator addressed); when absent, {@code urn} is its id.
     */
    public static Schema parse(String urn, JsonObject definition) {
        checkUrn(urn);
        String id = text(definition, "id", "the schema");
        if (id != null && !id.equals(urn)) {
            throw invalid("The schema's \"id\" (" + id + ") must be the URN it is stored under (" + urn + ")");
        }
        String name = text(definition, "name", "the schema");
        String description = text(definition, "description", "the schema");
        JsonArray attributes = array(definition, "attributes", "the schema");
        if (attributes == null || attributes.isEmpty()) {
            throw invalid("The schema needs \"attributes\": a non-empty array of attribute definitions");
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw invalid("A schema may define at most " + MAX_ATTRIBUTES + " attributes");
        }
        return new Schema(urn, name != null ? name : urn.substring(urn.lastIndexOf(':') + 1),
                description != null ? description : "", attributes(attributes, null));
    }

    /** "User" or "Group", as the administrator may spell it. */
    public static String resourceType(JsonValue value) {
        String type = value instanceof JsonString text ? text.getString() : null;
        if ("User".equalsIgnoreCase(type)) {
            return "User";
        }
        if ("Group".equalsIgnoreCase(type)) {
            return "Group";
        }
        throw invalid("\"resourceType\" must be \"User\" or \"Group\"");
    }

    /** The definition as Roster understood it, every characteristic spelled out: what is stored and shown. */
    public static JsonObject canonical(Schema schema) {
        return JsonP.createObjectBuilder(SchemaRepresentation.of(schema, "")).remove("meta").remove("schemas")
                .build();
    }

    /**
     * Why {@code schema} cannot replace {@code previous}, if it cannot: values already stored were validated and
     * indexed with the old definition, so an attribute keeps its type and multiplicity, and the schema the
     * resource type it extends.
     */
    public static Optional<String> incompatibility(CustomSchema previous, String resourceType, Schema schema) {
        if (!previous.resourceType().equals(resourceType)) {
            return Optional.of(schema.id() + " extends " + previous.resourceType() + "; delete it before defining "
                    + "it for " + resourceType);
        }
        for (Attribute old : previous.schema().attributes()) {
            Optional<Attribute> now = schema.attribute(old.name());
            if (now.isPresent() && (now.get().type() != old.type() || now.get().multiValued() != old.multiValued()
                    || !subAttributeShapesKept(old, now.get()))) {
                return Optional.of("\"" + old.name() + "\" is " + describe(old) + "; stored values depend on that, "
                        + "so it cannot become " + describe(now.get()) + " (use a new attribute name)");
            }
        }
        return Optional.empty();
    }

    private static boolean subAttributeShapesKept(Attribute old, Attribute now) {
        return old.subAttributes().stream().allMatch(sub -> now.subAttribute(sub.name())
                .map(same -> same.type() == sub.type()).orElse(true));
    }

    private static String describe(Attribute attribute) {
        return (attribute.multiValued() ? "a multi-valued " : "a single-valued ") + attribute.type().scimName()
                + (attribute.isComplex() ? " with sub-attributes " + attribute.subAttributes().stream()
                        .map(s -> s.name() + ":" + s.type().scimName()).toList() : "");
    }

    private static void checkUrn(String urn) {
        if (urn == null || !URN.matcher(urn).matches()) {
            throw invalid("\"" + urn + "\" is not a URN such as urn:ietf:params:scim:schemas:extension:acme:2.0:User");
        }
        if (urn.length() > MAX_URN) {
            throw invalid("A schema URN may have at most " + MAX_URN + " characters");
        }
        if (isBuiltIn(urn)) {
            throw invalid(urn + " is a schema Roster defines itself; extensions need a URN of their own");
        }
    }

    private static List<Attribute> attributes(JsonArray definitions, Attribute parent) {
        List<Attribute> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonValue value : definitions) {
            if (!(value instanceof JsonObject definition)) {
                throw invalid("Every attribute definition must be a JSON object");
            }
            Attribute attribute = attribute(definition, parent);
            if (!names.add(attribute.name().toLowerCase(Locale.ROOT))) {
                throw invalid("The attribute \"" + attribute.name() + "\" is defined twice (names are "
                        + "case-insensitive)");
            }
            result.add(attribute);
        }
        return result;
    }

    private static Attribute attribute(JsonObject definition, Attribute parent) {
        String name = text(definition, "name", "an attribute");
        if (name == null || !ATTRIBUTE_NAME.matcher(name).matches()) {
            throw invalid("Attribute name \"" + name + "\" is not valid: a letter, then letters, digits, '-' or "
                    + "'_', at most 64 characters (RFC 7643 §2.1)");
        }
        String where = parent == null ? "\"" + name + "\"" : "\"" + parent.name() + "." + name + "\"";
        String typeName = text(definition, "type", where);
        AttributeType type = Arrays.stream(AttributeType.values()).filter(t -> t.scimName().equals(typeName))
                .findFirst().orElseThrow(() -> invalid(where + " has type \"" + typeName + "\"; the types are "
                        + "string, boolean, decimal, integer, dateTime, reference and complex"));
        if (type == AttributeType.BINARY) {
            throw invalid(where + ": binary attributes cannot be defined in a custom schema; use a string");
        }
        Attribute attribute = Attribute.of(name, type, description(definition, where));
        if (type == AttributeType.COMPLEX) {
            if (parent != null) {
                throw invalid(where + ": a sub-attribute cannot be complex (RFC 7643 §2.3.8)");
            }
            JsonArray subs = array(definition, "subAttributes", where);
            if (subs == null || subs.isEmpty()) {
                throw invalid(where + " is complex and needs \"subAttributes\"");
            }
            if (subs.size() > MAX_ATTRIBUTES) {
                throw invalid(where + " may have at most " + MAX_ATTRIBUTES + " sub-attributes");
            }
            attribute = Attribute.complex(name, attribute.description(),
                    attributes(subs, attribute).toArray(Attribute[]::new));
        } else {
            JsonArray subs = array(definition, "subAttributes", where);
            if (subs != null && !subs.isEmpty()) {
                throw invalid(where + ": only complex attributes have sub-attributes");
            }
        }
        if (flag(definition, "multiValued", where)) {
            if (parent != null) {
                throw invalid(where + ": a sub-attribute cannot be multi-valued");
            }
            attribute = attribute.asMultiValued();
        }
        if (flag(definition, "required", where)) {
            attribute = attribute.asRequired();
        }
        if (flag(definition, "caseExact", where)) {
            attribute = attribute.asCaseExact();
        }
        attribute = attribute.with(enumValue(definition, "mutability", where, Mutability.values(),
                Mutability.READ_WRITE, Mutability::scimName));
        attribute = attribute.with(enumValue(definition, "returned", where, Returned.values(), Returned.DEFAULT,
                Returned::scimName));
        if (attribute.mutability() == Mutability.WRITE_ONLY) {
            attribute = attribute.with(Returned.NEVER); // RFC 7643 §7: a writeOnly attribute is never returned
        }
        if (attribute.required() && attribute.mutability() == Mutability.READ_ONLY) {
            throw invalid(where + " cannot be both required and readOnly: no client could ever set it");
        }
        attribute = canonicalValues(definition, attribute, where);
        attribute = referenceTypes(definition, attribute, where);
        return uniqueness(definition, attribute, parent, where);
    }

    private static Attribute canonicalValues(JsonObject definition, Attribute attribute, String where) {
        JsonArray values = array(definition, "canonicalValues", where);
        if (values == null || values.isEmpty()) {
            return attribute;
        }
        if (attribute.type() != AttributeType.STRING && attribute.type() != AttributeType.REFERENCE) {
            throw invalid(where + ": canonicalValues are only for string attributes");
        }
        if (values.size() > MAX_CANONICAL_VALUES) {
            throw invalid(where + " may have at most " + MAX_CANONICAL_VALUES + " canonicalValues");
        }
        List<String> canonical = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonValue value : values) {
            if (!(value instanceof JsonString text) || text.getString().isEmpty()
                    || text.getString().length() > Attribute.MAX_INDEXED_STRING) {
                throw invalid(where + ": every canonical value must be a non-empty string of at most "
                        + Attribute.MAX_INDEXED_STRING + " characters");
            }
            String key = attribute.caseExact() ? text.getString() : text.getString().toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw invalid(where + ": the canonical value \"" + text.getString() + "\" is listed twice"
                        + (attribute.caseExact() ? "" : " (the attribute is not caseExact)"));
            }
            canonical.add(text.getString());
        }
        return attribute.withCanonicalValues(canonical.toArray(String[]::new));
    }

    private static Attribute referenceTypes(JsonObject definition, Attribute attribute, String where) {
        JsonArray types = array(definition, "referenceTypes", where);
        if (attribute.type() != AttributeType.REFERENCE) {
            if (types != null && !types.isEmpty()) {
                throw invalid(where + ": only reference attributes have referenceTypes");
            }
            return attribute;
        }
        List<String> names = new ArrayList<>();
        if (types != null) {
            for (JsonValue type : types) {
                if (!(type instanceof JsonString text) || text.getString().isBlank()) {
                    throw invalid(where + ": referenceTypes must be strings such as \"external\" or \"uri\"");
                }
                names.add(text.getString());
            }
        }
        return attribute.withReferenceTypes(names.isEmpty() ? new String[] {"external"} : names.toArray(String[]::new));
    }

    /**
     * "server" uniqueness is enforced within the realm, for single-valued simple attributes at the top of the
     * schema. "global" (unique across every service provider, RFC 7643 §7) is not something one server can
     * promise, so it is refused rather than advertised and not kept.
     */
    private static Attribute uniqueness(JsonObject definition, Attribute attribute, Attribute parent, String where) {
        Uniqueness uniqueness = enumValue(definition, "uniqueness", where, Uniqueness.values(), Uniqueness.NONE,
                Uniqueness::scimName);
        if (uniqueness == Uniqueness.NONE) {
            return attribute;
        }
        if (uniqueness == Uniqueness.GLOBAL) {
            throw invalid(where + ": \"global\" uniqueness cannot be guaranteed by one server; use \"server\" "
                    + "(unique within the realm)");
        }
        if (parent != null || attribute.multiValued() || attribute.isComplex()
                || attribute.type() == AttributeType.BOOLEAN || attribute.returned() == Returned.NEVER) {
            throw invalid(where + ": \"server\" uniqueness applies to single-valued string, reference, number or "
                    + "dateTime attributes at the top of the schema");
        }
        return attribute.with(Uniqueness.SERVER).indexed();
    }

    private static String description(JsonObject definition, String where) {
        String description = text(definition, "description", where);
        return description == null ? "" : description;
    }

    private static String text(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonString text)) {
            throw invalid("\"" + key + "\" of " + where + " must be a string");
        }
        if (text.getString().length() > 1000) {
            throw invalid("\"" + key + "\" of " + where + " is longer than 1000 characters");
        }
        return text.getString();
    }

    private static JsonArray array(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(value instanceof JsonArray array)) {
            throw invalid("\"" + key + "\" of " + where + " must be an array");
        }
        return array;
    }

    private static boolean flag(JsonObject object, String key, String where) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw invalid("\"" + key + "\" of " + where + " must be true or false");
    }

    private static <E> E enumValue(JsonObject object, String key, String where, E[] values, E absent,
            java.util.function.Function<E, String> scimName) {
        String text = text(object, key, where);
        if (text == null) {
            return absent;
        }
        return Arrays.stream(values).filter(v -> scimName.apply(v).equals(text)).findFirst()
                .orElseThrow(() -> invalid("\"" + key + "\" of " + where + " is \"" + text + "\"; it may be "
                        + Arrays.stream(values).map(scimName).toList()));
    }

    private static InvalidSchemaDefinition invalid(String message) {
        return new InvalidSchemaDefinition(message);
    }
}
