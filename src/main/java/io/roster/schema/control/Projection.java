package io.roster.schema.control;

import io.roster.protocol.control.JsonP;

import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Returned;
import io.roster.schema.entity.Schema;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5) applied to a
 * rendered resource, together with each attribute's {@code returned} characteristic (RFC 7643 §7):
 * {@code schemas}, {@code id} and attributes returned "always" cannot be left out, "never" attributes are never
 * shown, and "request" attributes only when {@code attributes} names them. Names are case-insensitive and may
 * name a sub-attribute ({@code name.givenName}) or be URN-qualified.
 */
public record Projection(List<String> attributes, List<String> excluded, ResourceType type) {

    private static final List<String> ALWAYS = List.of("schemas", "id");

    public static final Projection ALL = new Projection(List.of(), List.of(), null);

    public static Projection of(String attributes, String excludedAttributes, ResourceType type) {
        List<String> included = split(attributes, type.schema().id());
        List<String> excluded = split(excludedAttributes, type.schema().id());
        if (!included.isEmpty()) {
            included.addAll(alwaysReturned(type));
        }
        excluded.removeAll(alwaysReturned(type));
        return new Projection(included, excluded, type);
    }

    /** Lower-case paths of the attributes returned "always" (besides schemas and id). */
    private static List<String> alwaysReturned(ResourceType type) {
        List<String> always = new ArrayList<>();
        type.schema().attributes().stream().filter(a -> a.returned() == Returned.ALWAYS)
                .forEach(a -> always.add(a.name().toLowerCase(Locale.ROOT)));
        for (Schema extension : type.extensions()) {
            extension.attributes().stream().filter(a -> a.returned() == Returned.ALWAYS)
                    .forEach(a -> always.add((extension.id() + ":" + a.name()).toLowerCase(Locale.ROOT)));
        }
        return always;
    }

    public boolean excludes(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (!attributes.isEmpty()) {
            return attributes.stream().noneMatch(a -> a.equals(name) || a.startsWith(name + "."));
        }
        return excluded.contains(name);
    }

    public JsonObject apply(JsonObject resource) {
        resource = withReturnedRules(resource);
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return resource;
        }
        JsonObjectBuilder out = JsonP.createObjectBuilder();
        for (var entry : resource.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(name)) {
                out.add(entry.getKey(), entry.getValue());
            } else if (!attributes.isEmpty()) {
                project(out, entry.getKey(), entry.getValue(), name, true);
            } else if (!excluded.contains(name)) {
                project(out, entry.getKey(), entry.getValue(), name, false);
            }
        }
        return out.build();
    }

    private void project(JsonObjectBuilder out, String key, JsonValue value, String name, boolean including) {
        List<String> list = including ? attributes : excluded;
        List<String> subs = new ArrayList<>();
        for (String entry : list) {
            if (entry.startsWith(name + ".") || entry.startsWith(name + ":")) {
                subs.add(entry.substring(name.length() + 1));
            }
        }
        boolean whole = list.contains(name);
        if (including && whole || !including && subs.isEmpty()) {
            out.add(key, value);
            return;
        }
        if (subs.isEmpty()) {
            return;
        }
        JsonValue projected = projectSubs(value, subs, including);
        if (projected != null) {
            out.add(key, projected);
        }
    }

    private static JsonValue projectSubs(JsonValue value, List<String> subs, boolean including) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder out = JsonP.createObjectBuilder();
            object.forEach((k, v) -> {
                if (subs.contains(k.toLowerCase(Locale.ROOT)) == including) {
                    out.add(k, v);
                }
            });
            JsonObject result = out.build();
            return result.isEmpty() ? null : result;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            var array = JsonP.createArrayBuilder();
            for (JsonValue element : value.asJsonArray()) {
                JsonValue projected = projectSubs(element, subs, including);
                if (projected != null) {
                    array.add(projected);
                }
            }
            return array.build();
        }
        return value;
    }

    /** The resource without its "never" attributes, nor the "request" ones that were not asked for. */
    private JsonObject withReturnedRules(JsonObject resource) {
        if (type == null) {
            return resource;
        }
        JsonObject result = hide(resource, type.schema().attributes(), "");
        for (Schema extension : type.extensions()) {
            if (result.get(extension.id()) instanceof JsonObject values) {
                JsonObject shown = hide(values, extension.attributes(), extension.id().toLowerCase(Locale.ROOT) + ":");
                if (shown == values) {
                    continue;
                }
                JsonObjectBuilder out = JsonP.createObjectBuilder(result);
                result = (shown.isEmpty() ? out.remove(extension.id()) : out.add(extension.id(), shown)).build();
            }
        }
        return result;
    }

    private JsonObject hide(JsonObject values, List<Attribute> definitions, String prefix) {
        JsonObjectBuilder out = null;
        for (Attribute attribute : definitions) {
            if (!values.containsKey(attribute.name())) {
                continue;
            }
            String path = prefix + attribute.name().toLowerCase(Locale.ROOT);
            if (hidden(attribute, path)) {
                out = out == null ? JsonP.createObjectBuilder(values) : out;
                out.remove(attribute.name());
            } else if (attribute.isComplex() && attribute.subAttributes().stream().anyMatch(s -> hidden(s,
                    path + "." + s.name().toLowerCase(Locale.ROOT)))) {
                out = out == null ? JsonP.createObjectBuilder(values) : out;
                out.add(attribute.name(), hideSubs(values.get(attribute.name()), attribute, path));
            }
        }
        return out == null ? values : out.build();
    }

    private JsonValue hideSubs(JsonValue value, Attribute attribute, String path) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder out = JsonP.createObjectBuilder(object);
            attribute.subAttributes().stream().filter(s -> hidden(s, path + "." + s.name().toLowerCase(Locale.ROOT)))
                    .forEach(s -> out.remove(s.name()));
            return out.build();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            var array = JsonP.createArrayBuilder();
            value.asJsonArray().forEach(element -> array.add(hideSubs(element, attribute, path)));
            return array.build();
        }
        return value;
    }

    private boolean hidden(Attribute attribute, String path) {
        return attribute.returned() == Returned.NEVER
                || attribute.returned() == Returned.REQUEST && !attributes.contains(path);
    }

    private static List<String> split(String text, String coreSchema) {
        List<String> names = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return names;
        }
        String corePrefix = coreSchema.toLowerCase(Locale.ROOT) + ":";
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            if (name.startsWith(corePrefix)) {
                name = name.substring(corePrefix.length());
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }
}
