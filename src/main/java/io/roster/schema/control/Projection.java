package io.roster.schema.control;

import io.roster.protocol.control.JsonP;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code attributes} and {@code excludedAttributes} query parameters (RFC 7644 §3.4.2.5) applied to a
 * rendered resource. {@code schemas} and {@code id} are always returned. Names are case-insensitive and may
 * name a sub-attribute ({@code name.givenName}) or be URN-qualified.
 */
public record Projection(List<String> attributes, List<String> excluded) {

    private static final List<String> ALWAYS = List.of("schemas", "id");

    public static final Projection ALL = new Projection(List.of(), List.of());

    public static Projection of(String attributes, String excludedAttributes, String coreSchema) {
        return new Projection(split(attributes, coreSchema), split(excludedAttributes, coreSchema));
    }

    public boolean excludes(String attribute) {
        String name = attribute.toLowerCase(Locale.ROOT);
        if (!attributes.isEmpty()) {
            return attributes.stream().noneMatch(a -> a.equals(name) || a.startsWith(name + "."));
        }
        return excluded.contains(name);
    }

    public JsonObject apply(JsonObject resource) {
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
