package io.roster.filter.entity;

import java.util.Objects;

/** {@code not (inner)}. */
public record Not(Filter inner) implements Filter {

    public Not {
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String toString() {
        return "not (" + inner + ")";
    }
}
