package io.roster.filter.entity;

import java.util.Objects;

/**
 * {@code attribute[inner]}: true when one element of the multi-valued {@code attribute} satisfies {@code inner}.
 * The paths inside {@code inner} are relative to one element, e.g. {@code emails[type eq "work"]} is
 * {@code ValuePath(emails, Compare(type, EQ, "work"))}.
 */
public record ValuePath(AttributePath attribute, Filter inner) implements Filter {

    public ValuePath {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String toString() {
        return attribute + "[" + inner + "]";
    }
}
