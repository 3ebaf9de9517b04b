package io.roster.filter.entity;

import java.util.Objects;

/** {@code left or right}. */
public record Or(Filter left, Filter right) implements Filter {

    public Or {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
        return left + " or " + Syntax.group(right, right instanceof Or);
    }
}
