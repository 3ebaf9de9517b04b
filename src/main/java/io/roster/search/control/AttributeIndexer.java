package io.roster.search.control;

import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Returned;
import io.roster.schema.entity.Schema;
import io.roster.search.entity.IndexedValue;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a canonical resource document into the {@link IndexedValue}s that filters and sorting run on in SQL.
 * Attributes kept in columns of their own (userName, externalId, …) and those never searchable
 * ({@code returned: never}, like password) are left out.
 */
public final class AttributeIndexer {

    private final ResourceType type;
    private final Set<String> inColumns;

    /** @param inColumns lower-case names of top-level attributes that the resource keeps in columns */
    public AttributeIndexer(ResourceType type, Set<String> inColumns) {
        this.type = type;
        this.inColumns = inColumns;
    }

    public List<IndexedValue> index(JsonObject document) {
        List<IndexedValue> values = new ArrayList<>();
        for (Attribute attribute : type.schema().attributes()) {
            if (!inColumns.contains(lower(attribute.name()))) {
                add(values, attribute, document.get(attribute.name()), lower(attribute.name()));
            }
        }
        for (Schema extension : type.extensions()) {
            JsonValue value = document.get(extension.id());
            if (value instanceof JsonObject object) {
                for (Attribute attribute : extension.attributes()) {
                    add(values, attribute, object.get(attribute.name()),
                            lower(extension.id()) + ":" + lower(attribute.name()));
                }
            }
        }
        return values;
    }

    private void add(List<IndexedValue> values, Attribute attribute, JsonValue value, String path) {
        if (value == null || attribute.returned() == Returned.NEVER) {
            return;
        }
        if (attribute.multiValued() && value.getValueType() == JsonValue.ValueType.ARRAY) {
            int element = 0;
            for (JsonValue item : value.asJsonArray()) {
                addOne(values, attribute, item, path, element++);
            }
        } else {
            addOne(values, attribute, value, path, 0);
        }
    }

    private void addOne(List<IndexedValue> values, Attribute attribute, JsonValue value, String path, int element) {
        if (attribute.isComplex()) {
            if (value instanceof JsonObject object) {
                values.add(IndexedValue.marker(path, element));
                for (Attribute sub : attribute.subAttributes()) {
                    JsonValue subValue = object.get(sub.name());
                    if (subValue != null && sub.returned() != Returned.NEVER) {
                        simple(values, sub, subValue, path + "." + lower(sub.name()), element);
                    }
                }
            }
            return;
        }
        simple(values, attribute, value, path, element);
    }

    private static void simple(List<IndexedValue> values, Attribute attribute, JsonValue value, String path,
            int element) {
        switch (attribute.type()) {
            case BOOLEAN -> {
                if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
                    values.add(IndexedValue.bool(path, element, value == JsonValue.TRUE));
                }
            }
            case INTEGER, DECIMAL -> {
                if (value instanceof JsonNumber number) {
                    values.add(IndexedValue.number(path, element, number.bigDecimalValue()));
                }
            }
            case DATE_TIME -> {
                if (value instanceof JsonString text) {
                    values.add(IndexedValue.time(path, element, OffsetDateTime.parse(text.getString()).toInstant()));
                }
            }
            default -> {
                if (value instanceof JsonString text) {
                    values.add(IndexedValue.text(path, element, text.getString()));
                }
            }
        }
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
