package io.roster.filter.control;

import io.roster.filter.entity.AttributePath;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.search.control.SearchableAttribute;
import io.roster.search.entity.IndexedValue;
import io.roster.search.entity.Sort;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sortBy}/{@code sortOrder} (RFC 7644 §3.4.2.3) as JPA orderings. Strings that are not case-exact sort
 * case-insensitively; a multi-valued attribute sorts by its primary value, else its first; resources without
 * the value come last in either direction; the immutable key breaks ties, so pages stay stable. Each joined row
 * is unique per resource (one value per path and element, at most one primary), so sorting never duplicates
 * resources.
 */
public final class SortTranslator<T> {

    private final CriteriaBuilder cb;
    private final Root<T> root;
    private final AttributeMapping mapping;

    public SortTranslator(CriteriaBuilder cb, Root<T> root, AttributeMapping mapping) {
        this.cb = cb;
        this.root = root;
        this.mapping = mapping;
    }

    public List<Order> orders(Sort sort, String keyAttribute) {
        List<Order> orders = new ArrayList<>();
        if (sort != null) {
            Expression<?> value = value(sort.by());
            orders.add(cb.asc(cb.selectCase().when(cb.isNull(value), 1).otherwise(0)));
            orders.add(sort.descending() ? cb.desc(value) : cb.asc(value));
        }
        orders.add(cb.asc(root.get(keyAttribute)));
        return orders;
    }

    private Expression<?> value(AttributePath path) {
        var column = mapping.column(path);
        if (column.isPresent()) {
            Path<Object> expression = root.get(column.get().jpaPath());
            return column.get().caseExact() || column.get().lowerCase() || column.get().type() != io.roster.schema.entity.AttributeType.STRING
                    ? expression : cb.lower(expression.as(String.class));
        }
        SearchableAttribute attribute = mapping.searchable(path)
                .orElseThrow(() -> ScimException.invalidValue("Sorting by '" + path + "' is not supported"));
        if (attribute.sub() == null && attribute.attribute().isComplex()) {
            Attribute value = attribute.attribute().subAttribute("value").orElseThrow(() -> ScimException.invalidValue(
                    "'" + path + "' is complex; sort by one of its sub-attributes"));
            attribute = attribute.with(value);
        }
        Join<T, IndexedValue> row = root.join(mapping.indexCollection(), JoinType.LEFT);
        if (attribute.attribute().multiValued()) {
            Join<T, IndexedValue> primary = root.join(mapping.indexCollection(), JoinType.LEFT);
            primary.on(cb.equal(primary.get("path"), attribute.basePath() + ".primary"),
                    cb.isTrue(primary.get("bool")));
            row.on(cb.equal(row.get("path"), attribute.valuePath()),
                    cb.equal(row.get("element"), cb.coalesce(primary.<Integer>get("element"), 0)));
        } else {
            row.on(cb.equal(row.get("path"), attribute.valuePath()));
        }
        return switch (attribute.type()) {
            case BOOLEAN -> row.get("bool");
            case INTEGER, DECIMAL -> row.get("number");
            case DATE_TIME -> row.get("time");
            default -> attribute.caseExact() ? row.get("text") : row.get("textKey");
        };
    }
}
