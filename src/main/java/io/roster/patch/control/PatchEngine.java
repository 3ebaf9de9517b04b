package io.roster.patch.control;

import io.roster.protocol.control.JsonP;

import static io.roster.patch.control.MultiValues.array;
import static io.roster.patch.control.MultiValues.asObject;
import static io.roster.patch.control.MultiValues.elements;
import static io.roster.patch.control.MultiValues.indexOfSame;
import static io.roster.patch.control.MultiValues.valueOf;
import static io.roster.patch.control.MultiValues.with;
import static io.roster.patch.control.MultiValues.withSinglePrimary;
import static io.roster.schema.control.ResourceValidator.findKey;

import io.roster.filter.control.FilterMatcher;
import io.roster.filter.entity.And;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Operator;
import io.roster.patch.entity.PatchOp;
import io.roster.patch.entity.PatchOperation;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.control.ImmutableAttributes;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.ResourceType;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) in order to a resource document. JSON-P objects are immutable, so
 * every step yields a new document and the input is never changed: when any operation fails, nothing has been
 * applied anywhere (§3.5.2: "treated as atomic"), and the error names the operation. The caller validates the
 * result with the same {@code ResourceValidator} that PUT uses and only then writes it.
 */
public final class PatchEngine {

    private final ResourceType type;
    private final PathResolver resolver;

    public PatchEngine(ResourceType type) {
        this.type = type;
        this.resolver = new PathResolver(type);
    }

    public JsonObject apply(JsonObject resource, List<PatchOperation> operations) {
        JsonObject document = resource;
        for (PatchOperation operation : operations) {
            try {
                JsonObject changed = apply(document, operation);
                RequiredAttributes.check(type, document, changed);
                ImmutableAttributes.checkReplacement(type, document, changed);
                document = changed;
            } catch (ScimException e) {
                String prefix = "Operations[" + operation.index() + "]";
                String detail = e.detail().startsWith(prefix) ? e.detail() : prefix + ": " + e.detail();
                throw new ScimException(e.status(), e.scimType(), detail);
            }
        }
        return document;
    }

    private JsonObject apply(JsonObject document, PatchOperation operation) {
        if (operation.path() != null) {
            Target target = resolver.resolve(operation.path(), operation.pathText());
            return apply(document, operation.op(), target, operation.value());
        }
        JsonObject values = operation.value().asJsonObject();
        for (String key : values.keySet()) {
            document = apply(document, operation.op(), resolver.resolveKey(key), values.get(key));
        }
        return document;
    }

    private JsonObject apply(JsonObject document, PatchOp op, Target target, JsonValue value) {
        if (target.attribute() == null) {
            return applyToExtension(document, op, target.extensionUrn(), value);
        }
        JsonObject container = target.extensionUrn() == null ? document
                : objectOrEmpty(document, target.extensionUrn());
        String key = findKey(container, target.attribute().name()).orElse(target.attribute().name());
        JsonValue current = container.get(key);
        if (readOnly(target)) {
            if (op != PatchOp.REMOVE && sameValue(current, value)) {
                return document;
            }
            throw ScimException.mutability("'" + target.describe() + "' is read-only");
        }
        JsonValue given = target.sub() == null && isRoles(target) ? EncodedRoles.decode(value) : value;
        JsonObject changed = with(container, key, change(op, target, current, given));
        if (target.extensionUrn() == null) {
            return changed;
        }
        String extensionKey = findKey(document, target.extensionUrn()).orElse(target.extensionUrn());
        return with(document, extensionKey, changed.isEmpty() ? null : changed);
    }

    private JsonObject applyToExtension(JsonObject document, PatchOp op, String urn, JsonValue value) {
        String key = findKey(document, urn).orElse(urn);
        if (op == PatchOp.REMOVE) {
            return with(document, key, null);
        }
        if (!(value instanceof JsonObject object)) {
            throw ScimException.invalidValue("The value for '" + urn + "' must be an object of its attributes");
        }
        for (String attribute : object.keySet()) {
            document = apply(document, op, resolver.resolveKey(urn + ":" + attribute), object.get(attribute));
        }
        return document;
    }

    private static boolean readOnly(Target target) {
        return target.attribute().isReadOnly() || (target.sub() != null && target.sub().isReadOnly());
    }

    private static boolean isRoles(Target target) {
        return target.extensionUrn() == null && target.attribute().name().equals("roles");
    }

    private JsonValue change(PatchOp op, Target target, JsonValue current, JsonValue value) {
        Attribute attribute = target.attribute();
        if (target.filter() != null) {
            return changeMatching(op, target, elements(current), value);
        }
        if (attribute.multiValued()) {
            return target.sub() == null ? changeMulti(op, attribute, current, value)
                    : changeEverySub(op, target, elements(current), value);
        }
        if (target.sub() != null) {
            JsonObject object = current instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            String subKey = findKey(object, target.sub().name()).orElse(target.sub().name());
            JsonObject changed = with(object, subKey, op == PatchOp.REMOVE ? null : value);
            return changed.isEmpty() ? null : changed;
        }
        if (op == PatchOp.REMOVE) {
            return null;
        }
        if (attribute.isComplex() && current instanceof JsonObject existing && value instanceof JsonObject given) {
            return merge(existing, given);
        }
        return value;
    }

    /** add appends without duplicates, replace swaps the whole list, remove drops it or the listed values. */
    private JsonValue changeMulti(PatchOp op, Attribute attribute, JsonValue current, JsonValue value) {
        List<JsonValue> elements = elements(current);
        switch (op) {
            case ADD -> {
                // RFC 7644 §3.5.2.1: a value that is already there is not added again. A complex value that names
                // an existing one (same "value", and same "type" when both have one) updates it instead, so
                // re-adding a member with another display, or the primary email, neither duplicates it nor
                // loses its "primary".
                List<JsonValue> result = new ArrayList<>(elements);
                List<JsonValue> touched = new ArrayList<>();
                for (JsonValue element : elements(value)) {
                    int existing = indexOfSame(result, element);
                    if (existing < 0) {
                        result.add(element);
                        touched.add(element);
                        continue;
                    }
                    JsonValue old = result.get(existing);
                    JsonValue updated = old instanceof JsonObject object && element instanceof JsonObject given
                            ? changedInPlace(attribute, object, merge(object, given)) : old;
                    result.set(existing, updated);
                    touched.add(updated);
                }
                return withSinglePrimary(result, touched);
            }
            case REPLACE -> {
                return array(elements(value));
            }
            default -> {
                if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                    return null;
                }
                // Microsoft Entra removes members by listing them: {"path": "members", "value": [{"value": id}]}
                Set<String> doomed = new TreeSet<>();
                for (JsonValue element : elements(value)) {
                    valueOf(element).ifPresent(doomed::add);
                }
                List<JsonValue> result = new ArrayList<>();
                for (JsonValue element : elements) {
                    if (valueOf(element).map(v -> !doomed.contains(v)).orElse(true)) {
                        result.add(element);
                    }
                }
                return array(result);
            }
        }
    }

    private JsonValue changeEverySub(PatchOp op, Target target, List<JsonValue> elements, JsonValue value) {
        if (elements.isEmpty() && op != PatchOp.REMOVE) {
            return array(List.of(JsonP.createObjectBuilder().add(target.sub().name(), value).build()));
        }
        List<JsonValue> result = new ArrayList<>();
        for (JsonValue element : elements) {
            JsonObject object = asObject(element);
            result.add(changedInPlace(target.attribute(), object,
                    withSub(object, target.sub(), op == PatchOp.REMOVE ? null : value)));
        }
        return array(result);
    }

    private JsonValue changeMatching(PatchOp op, Target target, List<JsonValue> elements, JsonValue value) {
        FilterMatcher matcher = new FilterMatcher(path -> target.attribute().subAttribute(path.name())
                .map(Attribute::caseExact).orElse(false));
        List<JsonValue> result = new ArrayList<>();
        List<JsonValue> touched = new ArrayList<>();
        for (JsonValue element : elements) {
            JsonObject object = asObject(element);
            if (!matcher.matches(target.filter(), object)) {
                result.add(element);
                continue;
            }
            JsonObject changed = changeMatched(op, target, object, value);
            if (changed != null) {
                result.add(changedInPlace(target.attribute(), object, changed));
                touched.add(changed);
            }
        }
        boolean matchedAny = touched.size() > 0 || result.size() < elements.size();
        if (!matchedAny && op != PatchOp.REMOVE) {
            JsonObject created = createFromFilter(target)
                    .orElseThrow(() -> ScimException.noTarget("No value of '" + target.attribute().name()
                            + "' matches the filter " + target.filter()));
            JsonObject element = changeMatched(op, target, created, value);
            result.add(element);
            touched.add(element);
        }
        return withSinglePrimary(result, touched);
    }

    /** The matched element after the operation, or null when the operation removes it. */
    private static JsonObject changeMatched(PatchOp op, Target target, JsonObject element, JsonValue value) {
        if (target.sub() != null) {
            return withSub(element, target.sub(), op == PatchOp.REMOVE ? null : value);
        }
        if (op == PatchOp.REMOVE) {
            return null;
        }
        if (!(value instanceof JsonObject given)) {
            throw ScimException.invalidValue("The value for '" + target.attribute().name()
                    + "' with a value filter must be an object");
        }
        return op == PatchOp.ADD ? merge(element, given) : given;
    }

    /**
     * An existing value of a multi-valued complex attribute, changed where it is: its immutable sub-attributes
     * (a group member's {@code value}) keep what they have. Adding and removing whole values stays free.
     */
    private static JsonObject changedInPlace(Attribute attribute, JsonObject before, JsonObject after) {
        ImmutableAttributes.checkValue(attribute, before, after, attribute.name());
        return after;
    }

    /**
     * Microsoft Entra adds and replaces {@code emails[type eq "work"].value} on users that have no work email yet
     * and expects the element to be created. When the filter only has {@code eq} comparisons of
     * sub-attributes joined by {@code and}, those comparisons describe the element to create.
     */
    private static Optional<JsonObject> createFromFilter(Target target) {
        JsonObjectBuilder builder = JsonP.createObjectBuilder();
        return collectEquals(target.filter(), builder) && target.sub() != null
                ? Optional.of(builder.build()) : Optional.empty();
    }

    private static boolean collectEquals(Filter filter, JsonObjectBuilder builder) {
        if (filter instanceof And and) {
            return collectEquals(and.left(), builder) && collectEquals(and.right(), builder);
        }
        if (filter instanceof Compare compare && compare.op() == Operator.EQ
                && compare.path().subAttribute() == null) {
            builder.add(compare.path().name(), compare.value());
            return true;
        }
        return false;
    }

    private static JsonObject withSub(JsonObject object, Attribute sub, JsonValue value) {
        String key = findKey(object, sub.name()).orElse(sub.name());
        return with(object, key, value);
    }

    private static boolean sameValue(JsonValue current, JsonValue given) {
        if (current == null || given == null) {
            return current == given;
        }
        if (current instanceof JsonString a && given instanceof JsonString b) {
            return a.getString().equals(b.getString());
        }
        return current.equals(given);
    }

    private static JsonObject objectOrEmpty(JsonObject document, String key) {
        return findKey(document, key).map(document::get).filter(JsonObject.class::isInstance)
                .map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT);
    }

    /** RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes given replace those present, the others stay. */
    private static JsonObject merge(JsonObject existing, JsonObject given) {
        JsonObject result = existing;
        for (String key : given.keySet()) {
            result = with(result, findKey(result, key).orElse(key), given.get(key));
        }
        return result;
    }
}
