package io.roster.search.control;

import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.AttributeType;
import java.util.Locale;

/**
 * An attribute that filters reach through the resource's {@code IndexedValue} rows: {@code basePath} is the
 * attribute's lower-case path ({@code emails}, {@code name},
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:user:manager}); {@code sub} is the sub-attribute a
 * comparison is about, null for the attribute itself.
 */
public record SearchableAttribute(String basePath, Attribute attribute, Attribute sub) {

    /** The path of the rows that hold the compared value. */
    public String valuePath() {
        return sub == null ? basePath : basePath + "." + sub.name().toLowerCase(Locale.ROOT);
    }

    public Attribute leaf() {
        return sub == null ? attribute : sub;
    }

    public AttributeType type() {
        return leaf().type();
    }

    public boolean caseExact() {
        return leaf().caseExact();
    }

    /** The same attribute with a sub-attribute (for comparisons inside value filters). */
    public SearchableAttribute with(Attribute subAttribute) {
        return new SearchableAttribute(basePath, attribute, subAttribute);
    }
}
