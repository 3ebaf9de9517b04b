package io.roster.filter.entity;

import jakarta.json.JsonValue;
import java.util.Objects;

/** {@code path op value}; the value is a JSON string, number, {@code true}, {@code false} or {@code null}. */
public record Compare(AttributePath path, Operator op, JsonValue value) implements Filter {

    public Compare {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if (value.getValueType() == JsonValue.ValueType.OBJECT || value.getValueType() == JsonValue.ValueType.ARRAY) {
            throw new IllegalArgumentException("A comparison value must be a JSON literal, not "
                    + value.getValueType());
        }
    }

    @Override
    public String toString() {
        return path + " " + op.token() + " " + Syntax.literal(value);
    }
}
