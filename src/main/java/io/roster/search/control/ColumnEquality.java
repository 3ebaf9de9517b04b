package io.roster.search.control;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Operator;
import io.roster.schema.entity.AttributeType;
import jakarta.json.JsonString;
import java.util.Optional;

/**
 * An equality on one string column of the resource ({@code userName eq "x"}, {@code externalId eq "x"},
 * {@code displayName eq "x"}) as a JPQL string with parameters: the same condition the {@code CriteriaTranslator}
 * makes, in a form EclipseLink turns into SQL once. It keeps the SQL of every JPQL string it has parsed, where a
 * Criteria query is turned into SQL again on each execution, which was a third of an Okta lookup's query
 * (BENCHMARKS.md, "The lookups' SQL made once").
 *
 * @param entityName the resource's entity name in JPQL, aliased {@code r}
 * @param condition  {@code r.realm = :realm and <column> = :value}
 * @param value      the comparison value as the column holds it (lower-cased where the attribute is not caseExact)
 */
record ColumnEquality(String entityName, String condition, String value) {

    /** {@code select r from Entity r where <condition>}, without an order. */
    String jpql() {
        return "select r from " + entityName + " r where " + condition;
    }

    /** The resource with the joined columns ({@link JoinedColumns#jpql}). */
    String jpql(JoinedColumns joined) {
        return joined.jpql(entityName, condition);
    }

    /** The equality, if the filter is exactly one on a string column of the resource's own; otherwise empty. */
    static Optional<ColumnEquality> of(Filter filter, AttributeMapping mapping, String entityName) {
        if (!(filter instanceof Compare compare) || compare.op() != Operator.EQ
                || !(compare.value() instanceof JsonString text) || text.getString().indexOf('\u0000') >= 0) {
            // anything else, including the literal the translator refuses, goes the translator's way
            return Optional.empty();
        }
        return mapping.column(compare.path()).filter(column -> column.type() == AttributeType.STRING)
                .map(column -> {
                    String attribute = "r." + column.jpaPath();
                    String compared = column.lowerCasedInQuery() ? "lower(" + attribute + ")" : attribute;
                    return new ColumnEquality(entityName, "r.realm = :realm and " + compared + " = :value",
                            column.comparable(text.getString()));
                });
    }
}
