package io.roster.filter.control;

import io.roster.protocol.control.JsonP;

import io.roster.filter.entity.And;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Not;
import io.roster.filter.entity.Operator;
import io.roster.filter.entity.Or;
import io.roster.filter.entity.Present;
import io.roster.filter.entity.ValuePath;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evaluates a {@link Filter} against one SCIM resource held as JSON (RFC 7644 §3.4.2.2). Attribute names and
 * schema URNs are looked up case-insensitively; a multi-valued attribute matches when any of its values does.
 */
public final class FilterMatcher {

    private static final Set<String> CORE_SCHEMAS = Set.of(
            "urn:ietf:params:scim:schemas:core:2.0:user",
            "urn:ietf:params:scim:schemas:core:2.0:group");

    private final Predicate<AttributePath> caseExact;

    /**
     * @param caseExact true for the attributes whose strings compare case-sensitively (such as {@code id} and
     *                  {@code externalId}); it receives the full path, with the sub-attribute when there is one
     *                  and without the core schema URN
     */
    public FilterMatcher(Predicate<AttributePath> caseExact) {
        this.caseExact = Objects.requireNonNull(caseExact, "caseExact");
    }

    public boolean matches(Filter filter, JsonObject resource) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(resource, "resource");
        return evaluate(filter, resource, null);
    }

    /** @param parent the multi-valued attribute whose element {@code scope} is, or null at the resource level */
    private boolean evaluate(Filter filter, JsonObject scope, AttributePath parent) {
        if (filter instanceof And and) {
            return evaluate(and.left(), scope, parent) && evaluate(and.right(), scope, parent);
        }
        if (filter instanceof Or or) {
            return evaluate(or.left(), scope, parent) || evaluate(or.right(), scope, parent);
        }
        if (filter instanceof Not not) {
            return !evaluate(not.inner(), scope, parent);
        }
        if (filter instanceof Present present) {
            return values(scope, present.path()).stream().anyMatch(FilterMatcher::isPresent);
        }
        if (filter instanceof Compare compare) {
            return compare(compare, scope, parent);
        }
        ValuePath valuePath = (ValuePath) filter;
        AttributePath attribute = absolute(parent, valuePath.attribute());
        for (JsonValue element : values(scope, valuePath.attribute())) {
            JsonObject object = element instanceof JsonObject o ? o
                    : JsonP.createObjectBuilder().add("value", element).build();
            if (evaluate(valuePath.inner(), object, attribute)) {
                return true;
            }
        }
        return false;
    }

    private boolean compare(Compare compare, JsonObject scope, AttributePath parent) {
        if (compare.op() == Operator.NE) {
            // RFC 7643 §2.5 treats absent and null alike, so "ne" is the negation of "eq" and matches absence.
            return !compare(new Compare(compare.path(), Operator.EQ, compare.value()), scope, parent);
        }
        List<JsonValue> values = values(scope, compare.path());
        if (compare.value().getValueType() == JsonValue.ValueType.NULL) {
            return compare.op() == Operator.EQ && values.isEmpty();
        }
        AttributePath path = absolute(parent, compare.path());
        for (JsonValue value : values) {
            AttributePath valuePath = path;
            if (value instanceof JsonObject object && compare.path().subAttribute() == null) {
                // A complex value stands for its "value" sub-attribute (e.g. emails co "example.com").
                value = member(object, "value");
                valuePath = new AttributePath(path.schemaUrn(), path.name(), "value");
            }
            if (value != null
                    && ValueComparison.test(compare.op(), value, compare.value(), caseExact.test(valuePath))) {
                return true;
            }
        }
        return false;
    }

    /** The non-null values at {@code path}, with arrays flattened. */
    private static List<JsonValue> values(JsonObject scope, AttributePath path) {
        JsonObject base = scope;
        if (path.schemaUrn() != null && !isCoreSchema(path.schemaUrn())) {
            JsonValue extension = member(scope, path.schemaUrn());
            if (!(extension instanceof JsonObject extensionObject)) {
                return List.of();
            }
            base = extensionObject;
        }
        List<JsonValue> values = new ArrayList<>();
        JsonValue attribute = member(base, path.name());
        if (path.subAttribute() == null) {
            addFlattened(values, attribute);
            return values;
        }
        List<JsonValue> parents = new ArrayList<>();
        addFlattened(parents, attribute);
        for (JsonValue value : parents) {
            if (value instanceof JsonObject object) {
                addFlattened(values, member(object, path.subAttribute()));
            }
        }
        return values;
    }

    private static void addFlattened(List<JsonValue> into, JsonValue value) {
        if (value instanceof JsonArray array) {
            array.stream().filter(v -> v.getValueType() != JsonValue.ValueType.NULL).forEach(into::add);
        } else if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
            into.add(value);
        }
    }

    /** Case-insensitive member lookup, preferring an exact match. */
    private static JsonValue member(JsonObject object, String name) {
        JsonValue exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static boolean isPresent(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> false;
            case STRING -> !((JsonString) value).getString().isEmpty();
            case ARRAY -> !value.asJsonArray().isEmpty();
            case OBJECT -> !value.asJsonObject().isEmpty();
            default -> true;
        };
    }

    private static boolean isCoreSchema(String urn) {
        return CORE_SCHEMAS.contains(urn.toLowerCase(Locale.ROOT));
    }

    /** The path as {@code caseExact} sees it: relative paths resolved against the parent, core URN dropped. */
    private static AttributePath absolute(AttributePath parent, AttributePath path) {
        if (parent != null) {
            return new AttributePath(parent.schemaUrn(), parent.name(), path.name());
        }
        if (path.schemaUrn() != null && isCoreSchema(path.schemaUrn())) {
            return new AttributePath(null, path.name(), path.subAttribute());
        }
        return path;
    }
}
