package io.roster.filter.entity;

import java.util.Objects;

/**
 * A PATCH operation path (RFC 7644 §3.5.2): {@code attrPath / valuePath [subAttr]}, for example
 * {@code name.familyName}, {@code members[value eq "x"]} or {@code emails[type eq "work"].value}.
 *
 * @param attribute    the attribute (with its own sub-attribute when there is no value filter)
 * @param valueFilter  the filter selecting elements of a multi-valued attribute, relative to one element, or null
 * @param subAttribute the sub-attribute after the value filter ({@code .value} in {@code emails[...].value}), or null
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    public PatchPath {
        Objects.requireNonNull(attribute, "attribute");
        if (subAttribute != null && valueFilter == null) {
            throw new IllegalArgumentException("A sub-attribute after a value filter needs a value filter");
        }
    }

    @Override
    public String toString() {
        if (valueFilter == null) {
            return attribute.toString();
        }
        return attribute + "[" + valueFilter + "]" + (subAttribute == null ? "" : "." + subAttribute);
    }
}
