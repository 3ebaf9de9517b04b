package io.roster.filter.entity;

import java.util.Objects;

/**
 * {@code [schemaUrn ":"] name ["." subAttribute]}. Names keep the case the client wrote; use {@link #sameAs} to
 * compare paths the way SCIM does (case-insensitively).
 *
 * @param schemaUrn    the schema URN the client qualified the path with, or null
 * @param name         the attribute name
 * @param subAttribute the sub-attribute name, or null
 */
public record AttributePath(String schemaUrn, String name, String subAttribute) {

    public AttributePath {
        Objects.requireNonNull(name, "name");
    }

    public static AttributePath of(String name) {
        return new AttributePath(null, name, null);
    }

    public static AttributePath of(String name, String subAttribute) {
        return new AttributePath(null, name, subAttribute);
    }

    /** Component-wise, case-insensitive equality (a missing URN only equals a missing URN). */
    public boolean sameAs(AttributePath other) {
        return other != null
                && equalsIgnoreCase(schemaUrn, other.schemaUrn)
                && name.equalsIgnoreCase(other.name)
                && equalsIgnoreCase(subAttribute, other.subAttribute);
    }

    /** The name without the schema URN, e.g. {@code "name.givenName"}. */
    public String fullName() {
        return subAttribute == null ? name : name + "." + subAttribute;
    }

    @Override
    public String toString() {
        return schemaUrn == null ? fullName() : schemaUrn + ":" + fullName();
    }

    private static boolean equalsIgnoreCase(String a, String b) {
        return a == null ? b == null : a.equalsIgnoreCase(b);
    }
}
