package io.roster.filter.control;

import io.roster.filter.entity.And;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Not;
import io.roster.filter.entity.Or;
import io.roster.filter.entity.Present;
import io.roster.filter.entity.ValuePath;
import io.roster.protocol.entity.ScimException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.From;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Translates a filter AST into a JPA Criteria predicate over a resource type's {@link AttributeMapping}. Every
 * comparison becomes SQL; nothing is filtered in memory. Multi-valued attributes and value paths are correlated
 * {@code EXISTS} subqueries, so rows never duplicate and counts stay exact (RFC 7644 §3.4.2.2 "any value").
 * {@code ne} is null-aware: an absent value is "not equal".
 */
public final class CriteriaTranslator<T> {

    private final CriteriaBuilder cb;
    private final AbstractQuery<?> query;
    private final Root<T> root;
    private final AttributeMapping mapping;

    public CriteriaTranslator(CriteriaBuilder cb, AbstractQuery<?> query, Root<T> root, AttributeMapping mapping) {
        this.cb = cb;
        this.query = query;
        this.root = root;
        this.mapping = mapping;
    }

    public Predicate toPredicate(Filter filter) {
        if (filter instanceof And and) {
            return cb.and(toPredicate(and.left()), toPredicate(and.right()));
        }
        if (filter instanceof Or or) {
            return cb.or(toPredicate(or.left()), toPredicate(or.right()));
        }
        if (filter instanceof Not not) {
            return cb.not(toPredicate(not.inner()));
        }
        if (filter instanceof ValuePath valuePath) {
            return exists(valuePath.attribute(), valuePath.inner());
        }
        AttributePath path = filter instanceof Present p ? p.path() : ((Compare) filter).path();
        var column = mapping.column(path);
        if (column.isPresent()) {
            return filter instanceof Compare compare ? compare(root, column.get(), compare)
                    : present(root, column.get());
        }
        if (mapping.collection(withoutSub(path)).isPresent()) {
            return exists(withoutSub(path), relative(filter, path));
        }
        throw ScimException.invalidFilter("Filtering on '" + path + "' is not supported");
    }

    private Predicate exists(AttributePath attribute, Filter inner) {
        AttributeMapping.Collection collection = mapping.collection(attribute).orElseThrow(
                () -> ScimException.invalidFilter("'" + attribute + "' is not a multi-valued attribute"));
        Subquery<Integer> subquery = query.subquery(Integer.class);
        Root<T> correlated = subquery.correlate(root);
        Join<T, ?> element = correlated.join(collection.jpaCollection());
        subquery.select(cb.literal(1)).where(element(element, collection, inner));
        return cb.exists(subquery);
    }

    private Predicate element(From<?, ?> element, AttributeMapping.Collection collection, Filter filter) {
        if (filter instanceof And and) {
            return cb.and(element(element, collection, and.left()), element(element, collection, and.right()));
        }
        if (filter instanceof Or or) {
            return cb.or(element(element, collection, or.left()), element(element, collection, or.right()));
        }
        if (filter instanceof Not not) {
            return cb.not(element(element, collection, not.inner()));
        }
        if (filter instanceof ValuePath) {
            throw ScimException.invalidFilter("Value paths cannot be nested");
        }
        AttributePath path = filter instanceof Present p ? p.path() : ((Compare) filter).path();
        String sub = (path.subAttribute() != null ? path.subAttribute() : path.name()).toLowerCase(Locale.ROOT);
        AttributeMapping.Column column = collection.subAttributes().get(sub);
        if (column == null) {
            throw ScimException.invalidFilter("Filtering on '" + path + "' is not supported");
        }
        return filter instanceof Compare compare ? compare(element, column, compare) : present(element, column);
    }

    /** {@code emails.value eq "x"} and {@code emails eq "x"} become {@code emails[value eq "x"]}. */
    private Filter relative(Filter filter, AttributePath path) {
        String sub = path.subAttribute();
        if (sub == null) {
            sub = mapping.collection(path).map(AttributeMapping.Collection::defaultSub).orElse("value");
        }
        AttributePath inner = AttributePath.of(sub);
        return filter instanceof Compare c ? new Compare(inner, c.op(), c.value()) : new Present(inner);
    }

    private static AttributePath withoutSub(AttributePath path) {
        return new AttributePath(path.schemaUrn(), path.name(), null);
    }

    private Predicate present(From<?, ?> from, AttributeMapping.Column column) {
        Path<Object> path = path(from, column);
        if (column.type() == io.roster.schema.entity.AttributeType.STRING) {
            return cb.and(cb.isNotNull(path), cb.notEqual(path.as(String.class), ""));
        }
        return cb.isNotNull(path);
    }

    private Predicate compare(From<?, ?> from, AttributeMapping.Column column, Compare compare) {
        Path<Object> path = path(from, column);
        JsonValue literal = compare.value();
        if (literal.getValueType() == JsonValue.ValueType.NULL) {
            return switch (compare.op()) {
                case EQ -> cb.isNull(path);
                case NE -> cb.isNotNull(path);
                default -> throw ScimException.invalidFilter("'" + compare.op().token() + "' cannot compare with null");
            };
        }
        return switch (column.type()) {
            case BOOLEAN -> compareBoolean(path, compare);
            case DATE_TIME -> compareDateTime(path, compare);
            default -> compareString(path, column, compare);
        };
    }

    private Predicate compareBoolean(Path<Object> path, Compare compare) {
        Boolean value = booleanOf(compare.value());
        if (value == null) {
            throw ScimException.invalidFilter("'" + compare.path() + "' is a boolean; compare it with true or false");
        }
        Expression<Boolean> column = path.as(Boolean.class);
        return switch (compare.op()) {
            case EQ -> cb.equal(column, value);
            case NE -> cb.or(cb.isNull(column), cb.notEqual(column, value));
            default -> throw ScimException.invalidFilter("'" + compare.op().token() + "' is not defined for the "
                    + "boolean '" + compare.path() + "'");
        };
    }

    private Predicate compareDateTime(Path<Object> path, Compare compare) {
        Instant value;
        try {
            value = compare.value() instanceof JsonString s ? OffsetDateTime.parse(s.getString()).toInstant() : null;
        } catch (DateTimeParseException e) {
            value = null;
        }
        if (value == null) {
            throw ScimException.invalidFilter("'" + compare.path() + "' is a dateTime; compare it with a string "
                    + "such as \"2024-01-01T00:00:00Z\"");
        }
        Expression<Instant> column = path.as(Instant.class);
        return switch (compare.op()) {
            case EQ -> cb.equal(column, value);
            case NE -> cb.or(cb.isNull(column), cb.notEqual(column, value));
            case GT -> cb.greaterThan(column, value);
            case GE -> cb.greaterThanOrEqualTo(column, value);
            case LT -> cb.lessThan(column, value);
            case LE -> cb.lessThanOrEqualTo(column, value);
            default -> throw ScimException.invalidFilter("'" + compare.op().token() + "' is not defined for the "
                    + "dateTime '" + compare.path() + "'");
        };
    }

    private Predicate compareString(Path<Object> path, AttributeMapping.Column column, Compare compare) {
        if (!(compare.value() instanceof JsonString text)) {
            throw ScimException.invalidFilter("'" + compare.path() + "' is a string; compare it with a string");
        }
        boolean fold = !column.caseExact();
        String value = fold ? text.getString().toLowerCase(Locale.ROOT) : text.getString();
        Expression<String> expression = path.as(String.class);
        if (fold && !column.lowerCase()) {
            expression = cb.lower(expression);
        }
        return switch (compare.op()) {
            case EQ -> cb.equal(expression, value);
            case NE -> cb.or(cb.isNull(expression), cb.notEqual(expression, value));
            case CO -> cb.like(expression, "%" + escapeLike(value) + "%", '\\');
            case SW -> cb.like(expression, escapeLike(value) + "%", '\\');
            case EW -> cb.like(expression, "%" + escapeLike(value), '\\');
            case GT -> cb.greaterThan(expression, value);
            case GE -> cb.greaterThanOrEqualTo(expression, value);
            case LT -> cb.lessThan(expression, value);
            case LE -> cb.lessThanOrEqualTo(expression, value);
        };
    }

    private static Boolean booleanOf(JsonValue value) {
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value instanceof JsonString s && (s.getString().equalsIgnoreCase("true")
                || s.getString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.getString().toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static Path<Object> path(From<?, ?> from, AttributeMapping.Column column) {
        Path<Object> path = null;
        for (String part : column.jpaPath().split("\\.")) {
            path = path == null ? from.get(part) : path.get(part);
        }
        return path;
    }

    /** {@code %}, {@code _} and the escape character itself are literal in co/sw/ew. */
    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
