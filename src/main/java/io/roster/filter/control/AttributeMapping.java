package io.roster.filter.control;

import io.roster.filter.entity.AttributePath;
import io.roster.schema.entity.AttributeType;
import io.roster.search.control.SearchableAttribute;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a resource type keeps the attributes a filter may name: the single place where SCIM meets JPA for one
 * resource type. Attributes a mapping does not know cannot be filtered on (400 {@code invalidFilter}).
 */
public interface AttributeMapping {

    /**
     * A single-valued attribute stored in a column.
     *
     * @param jpaPath   dotted JPA attribute path from the root entity
     * @param lowerCase the column holds the value lower-cased (compare with the lower-cased literal, index-backed)
     * @param caseExact RFC 7643 caseExact of the attribute
     */
    record Column(String jpaPath, AttributeType type, boolean caseExact, boolean lowerCase) {

        /** A string literal as the column is compared with it: lower-cased unless the attribute is caseExact. */
        public String comparable(String literal) {
            return caseExact ? literal : literal.toLowerCase(Locale.ROOT);
        }

        /** Whether the query lower-cases the column to compare it: not caseExact, and not stored lower-cased. */
        public boolean lowerCasedInQuery() {
            return !caseExact && !lowerCase;
        }
    }

    /**
     * A multi-valued attribute stored in a collection of the root entity; filters on it mean "any element
     * matches" and become {@code EXISTS} subqueries.
     *
     * @param subAttributes sub-attribute name (lower case) to its column within an element
     * @param defaultSub    the sub-attribute a comparison on the attribute itself means ({@code emails co "x"})
     */
    record Collection(String jpaCollection, Map<String, Column> subAttributes, String defaultSub) {
    }

    Optional<Column> column(AttributePath path);

    /**
     * Whether the path's column is unique within a realm (a unique index), so that an equality on it finds one
     * resource at most.
     */
    default boolean uniqueInRealm(AttributePath path) {
        return false;
    }

    /**
     * Whether an equality on the path's column is answered by an index on (realm, column) of its own, unique or
     * not ({@code externalId}): the few resources it matches are found without reading any other.
     */
    default boolean indexedForEquality(AttributePath path) {
        return uniqueInRealm(path);
    }

    Optional<Collection> collection(AttributePath path);

    /**
     * Every other attribute: searched in the resource's collection of {@code IndexedValue} rows, named by
     * {@link #indexCollection()}. Empty when the resource type keeps no such rows or the path names nothing.
     */
    default Optional<SearchableAttribute> searchable(AttributePath path) {
        return Optional.empty();
    }

    /** The JPA name of the root entity's collection of {@code IndexedValue}s. */
    default String indexCollection() {
        return "values";
    }
}
