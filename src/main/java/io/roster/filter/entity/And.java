package io.roster.filter.entity;

import java.util.Objects;

/** {@code left and right}. */
public record And(Filter left, Filter right) implements Filter {

    public And {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
    }

    @Override
    public String toString() {
        // "and" binds tighter than "or" and associates to the left, so only these children need parentheses.
        return Syntax.group(left, left instanceof Or) + " and "
                + Syntax.group(right, right instanceof Or || right instanceof And);
    }
}
