package io.roster.filter.control;

import io.roster.filter.entity.And;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Not;
import io.roster.filter.entity.Operator;
import io.roster.filter.entity.Or;
import io.roster.filter.entity.Present;
import io.roster.filter.entity.ValuePath;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.AttributeType;
import io.roster.search.control.SearchableAttribute;
import io.roster.search.entity.IndexedValue;
import jakarta.json.JsonNumber;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates a filter AST into a JPA Criteria predicate over a resource type's {@link AttributeMapping}. Every
 * comparison becomes SQL; nothing is filtered in memory. Attributes kept in columns compare directly; everything
 * else is a correlated {@code EXISTS} over the resource's searchable-value rows (or a mapped collection), so
 * rows never duplicate and counts stay exact. A value path's conditions must all hold for the same element.
 *
 * <p>Semantics match {@link FilterMatcher}: an absent value is "not equal" ({@code ne} and {@code not} are
 * null-aware), and for a multi-valued attribute {@code ne} means "no value equals" (RFC 7643 §2.5).
 *
 * <p>The predicate keeps to one realm. A comparison of searchable values is {@code pk in (owners in the realm
 * with that value)}; when such a condition must hold (alone, in every branch of an {@code or}, or in one side of
 * an {@code and}), the predicate has no {@code realm_id = ?} of its own. With one, H2 walked the realm's
 * {@code (realm_id, pk)} index and tested every user against the subquery's keys: 1-4 s for
 * {@code emails[type eq "work"].value eq "x"} at 1,000,000 users, against 5-30 ms by the primary key
 * (BENCHMARKS.md).
 */
public final class CriteriaTranslator<T> {

    private final CriteriaBuilder cb;
    private final AbstractQuery<?> query;
    private final Root<T> root;
    private final AttributeMapping mapping;
    private final String realm;
    /** The {@code pk in (owners in the realm …)} conditions made so far: each alone keeps to the realm. */
    private final Set<Predicate> ownersInRealm = Collections.newSetFromMap(new IdentityHashMap<>());

    public CriteriaTranslator(CriteriaBuilder cb, AbstractQuery<?> query, Root<T> root, AttributeMapping mapping,
            String realm) {
        this.cb = cb;
        this.query = query;
        this.root = root;
        this.mapping = mapping;
        this.realm = realm;
    }

    /** The resources of the realm that match the filter. */
    public Predicate toPredicate(Filter filter) {
        Part part = translate(filter);
        return part.inRealm() ? part.predicate() : cb.and(cb.equal(root.get("realm"), realm), part.predicate());
    }

    /** A translated filter, and whether it holds only for resources of the realm. */
    private record Part(Predicate predicate, boolean inRealm) {
    }

    private Part translate(Filter filter) {
        if (filter instanceof And and) {
            Part left = translate(and.left());
            Part right = translate(and.right());
            return new Part(cb.and(left.predicate(), right.predicate()), left.inRealm() || right.inRealm());
        }
        if (filter instanceof Or or) {
            Part left = translate(or.left());
            Part right = translate(or.right());
            return new Part(cb.or(left.predicate(), right.predicate()), left.inRealm() && right.inRealm());
        }
        if (filter instanceof Not not) {
            return new Part(cb.not(translate(not.inner()).predicate()), false);
        }
        Predicate condition = condition(filter);
        return new Part(condition, ownersInRealm.contains(condition));
    }

    /** A comparison, a presence test or a value path. */
    private Predicate condition(Filter filter) {
        if (filter instanceof ValuePath valuePath) {
            return valuePath(valuePath);
        }
        AttributePath path = filter instanceof Present p ? p.path() : ((Compare) filter).path();
        var column = mapping.column(path);
        if (column.isPresent()) {
            return filter instanceof Compare compare ? compareColumn(root, column.get(), compare)
                    : present(root, column.get());
        }
        if (mapping.collection(withoutSub(path)).isPresent()) {
            return exists(withoutSub(path), relative(filter, path));
        }
        SearchableAttribute searchable = searchable(path);
        if (searchable.sub() == null && searchable.attribute().isComplex()) {
            if (filter instanceof Present) {
                return existsValue(searchable.basePath(), null, null);
            }
            searchable = searchable.with(searchable.attribute().subAttribute("value").orElseThrow(
                    () -> ScimException.invalidFilter("'" + path + "' is complex; name one of its sub-attributes")));
        }
        return filter instanceof Compare compare ? compareValues(searchable, compare, null)
                : existsValue(searchable.valuePath(), null, null);
    }

    private SearchableAttribute searchable(AttributePath path) {
        return mapping.searchable(path)
                .orElseThrow(() -> ScimException.invalidFilter("Filtering on '" + path + "' is not supported"));
    }

    // ---- value paths over searchable values: every condition on the same element -------------------------

    /**
     * {@code root.pk in (select o.pk from T o join o.values v where v.path = ? and <v matches> and exists (select 1
     * from o.values t where t.element = v.element and …))}: uncorrelated with the root, and driven from the most
     * selective positive comparison of the bracket ({@code value eq "x"} rather than {@code type eq "work"}),
     * which both databases find through {@code (path, text_prefix)}; every other condition is checked on the same
     * element of the same resource through {@code (user_pk, path, element)}. (As a join instead of
     * {@code EXISTS}, H2 could not tell {@code type eq "work"} from {@code value eq "x"}, both on the same index,
     * and started from the work emails of every user.) Without such a comparison
     * ({@code emails[not (type eq "work")]}) the element's marker row drives. {@code IN} keeps one root row per
     * resource, so counts stay exact.
     */
    private Predicate valuePath(ValuePath valuePath) {
        if (mapping.collection(valuePath.attribute()).isPresent()) {
            return exists(valuePath.attribute(), valuePath.inner());
        }
        SearchableAttribute parent = searchable(valuePath.attribute());
        if (!parent.attribute().isComplex() || parent.sub() != null) {
            throw ScimException.invalidFilter("'" + valuePath.attribute() + "' has no sub-attributes to filter on");
        }
        List<Filter> conditions = new ArrayList<>();
        conjuncts(valuePath.inner(), conditions);
        Compare driver = conditions.stream().filter(c -> canDrive(c, parent))
                .max(Comparator.comparingInt(c -> selectivity((Compare) c, parent))).map(Compare.class::cast)
                .orElse(null);

        Subquery<Object> owners = query.subquery(Object.class);
        Root<T> owner = owners.from(root.getModel());
        Join<T, IndexedValue> element = owner.join(mapping.indexCollection());
        List<Predicate> where = new ArrayList<>();
        if (driver == null) {
            where.add(cb.equal(element.get("path"), parent.basePath()));
        } else {
            SearchableAttribute sub = sub(parent, driver.path());
            where.add(cb.equal(element.get("path"), sub.valuePath()));
            where.add(new TypedCompare(sub, driver).on(element));
            conditions.remove(driver);
        }
        ElementScope scope = new ElementScope(owners, owner, element);
        for (Filter condition : conditions) {
            where.add(inElement(condition, parent, scope));
        }
        return owned(owners, owner, where);
    }

    /** {@code root.pk in (select o.pk … where <where> and o.realm = ?)}. */
    private Predicate owned(Subquery<Object> owners, Root<T> owner, List<Predicate> where) {
        where.add(cb.equal(owner.get("realm"), realm));
        owners.select(owner.get("pk")).where(where.toArray(Predicate[]::new));
        Predicate owned = root.get("pk").in(owners);
        ownersInRealm.add(owned);
        return owned;
    }

    private static void conjuncts(Filter filter, List<Filter> into) {
        if (filter instanceof And and) {
            conjuncts(and.left(), into);
            conjuncts(and.right(), into);
        } else {
            into.add(filter);
        }
    }

    /** A comparison that holds exactly when a row of the element satisfies it (not {@code ne}, not null). */
    private static boolean canDrive(Filter filter, SearchableAttribute parent) {
        return filter instanceof Compare compare && compare.op() != Operator.NE
                && compare.value().getValueType() != JsonValue.ValueType.NULL
                && parent.attribute().subAttribute(subName(compare.path())).isPresent();
    }

    /** Equality on a free-form value first, equality on a canonical value ({@code type}) or boolean last. */
    private static int selectivity(Compare compare, SearchableAttribute parent) {
        var sub = parent.attribute().subAttribute(subName(compare.path())).orElseThrow();
        boolean coarse = sub.type() == AttributeType.BOOLEAN || !sub.canonicalValues().isEmpty();
        int score = switch (compare.op()) {
            case EQ -> 3;
            case SW -> 2;
            default -> 0;
        };
        return score * 2 + (coarse ? 0 : 1);
    }

    private static String subName(AttributePath path) {
        return path.subAttribute() != null ? path.subAttribute() : path.name();
    }

    private SearchableAttribute sub(SearchableAttribute parent, AttributePath path) {
        String subName = subName(path);
        return parent.with(parent.attribute().subAttribute(subName).orElseThrow(
                () -> ScimException.invalidFilter("'" + parent.attribute().name() + "' has no sub-attribute '"
                        + subName + "'")));
    }

    private Predicate inElement(Filter filter, SearchableAttribute parent, ElementScope element) {
        if (filter instanceof And and) {
            return cb.and(inElement(and.left(), parent, element), inElement(and.right(), parent, element));
        }
        if (filter instanceof Or or) {
            return cb.or(inElement(or.left(), parent, element), inElement(or.right(), parent, element));
        }
        if (filter instanceof Not not) {
            return cb.not(inElement(not.inner(), parent, element));
        }
        if (filter instanceof ValuePath) {
            throw ScimException.invalidFilter("Value filters cannot be nested");
        }
        AttributePath path = filter instanceof Present p ? p.path() : ((Compare) filter).path();
        SearchableAttribute sub = sub(parent, path);
        return filter instanceof Compare compare ? compareValues(sub, compare, element)
                : existsValue(sub.valuePath(), element, null);
    }

    /** The element a value filter is about: a row of {@code owner} (a root of {@code subquery}) in it. */
    private record ElementScope(Subquery<?> subquery, Root<?> owner, Join<?, IndexedValue> marker) {
    }

    // ---- comparisons over searchable values ------------------------------------------------------------

    private Predicate compareValues(SearchableAttribute attribute, Compare compare, ElementScope element) {
        JsonValue literal = compare.value();
        if (literal.getValueType() == JsonValue.ValueType.NULL) {
            return switch (compare.op()) {
                case EQ -> cb.not(existsValue(attribute.valuePath(), element, null));
                case NE -> existsValue(attribute.valuePath(), element, null);
                default -> throw ScimException.invalidFilter("'" + compare.op().token() + "' cannot compare with null");
            };
        }
        if (compare.op() == Operator.NE) {
            return cb.not(existsValue(attribute.valuePath(), element,
                    new TypedCompare(attribute, new Compare(compare.path(), Operator.EQ, literal))));
        }
        return existsValue(attribute.valuePath(), element, new TypedCompare(attribute, compare));
    }

    /**
     * A row at {@code path} whose value satisfies the comparison. Outside a value filter:
     * {@code root.pk in (select o.pk from T o join o.values v where v.path = ? and …)}, uncorrelated, so the
     * database starts from the value's index rather than probing every resource. Inside one: {@code EXISTS} a
     * row of the same resource and element.
     */
    private Predicate existsValue(String path, ElementScope element, TypedCompare compare) {
        if (element == null) {
            Subquery<Object> owners = query.subquery(Object.class);
            Root<T> owner = owners.from(root.getModel());
            Join<T, IndexedValue> value = owner.join(mapping.indexCollection());
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(value.get("path"), path));
            if (compare != null) {
                where.add(compare.on(value));
            }
            return owned(owners, owner, where);
        }
        Subquery<Integer> subquery = element.subquery().subquery(Integer.class);
        Join<?, IndexedValue> value = correlate(subquery, element.owner()).join(mapping.indexCollection());
        Predicate where = cb.and(cb.equal(value.get("path"), path),
                cb.equal(value.get("element"), element.marker().get("element")));
        if (compare != null) {
            where = cb.and(where, compare.on(value));
        }
        subquery.select(cb.literal(1)).where(where);
        return cb.exists(subquery);
    }

    @SuppressWarnings("unchecked")
    private static <X> Root<X> correlate(Subquery<?> subquery, Root<?> owner) {
        return subquery.correlate((Root<X>) owner);
    }

    /** A comparison with the attribute it is about, so it can pick the column of the value's type. */
    private final class TypedCompare {
        final SearchableAttribute attribute;
        final Compare compare;

        TypedCompare(SearchableAttribute attribute, Compare compare) {
            this.attribute = attribute;
            this.compare = compare;
        }

        Predicate on(From<?, IndexedValue> value) {
            return switch (attribute.type()) {
                case BOOLEAN -> cb.equal(value.get("bool"), booleanLiteral(compare));
                case INTEGER, DECIMAL -> order(value.<BigDecimal>get("number"), numberLiteral(compare), compare);
                case DATE_TIME -> order(value.<Instant>get("time"), timeLiteral(compare), compare);
                default -> text(value);
            };
        }

        private Predicate text(From<?, IndexedValue> value) {
            String literal = stringLiteral(compare);
            String key = IndexedValue.key(literal);
            Expression<String> column = attribute.caseExact() ? value.get("text") : value.get("textKey");
            String operand = attribute.caseExact() ? literal : key;
            Path<String> prefix = value.get("textPrefix");
            return switch (compare.op()) {
                // the indexed prefix narrows the search; the full value decides
                case EQ -> cb.and(cb.equal(prefix, IndexedValue.prefix(key)), cb.equal(column, operand));
                case SW -> key.length() < IndexedValue.PREFIX && !attribute.caseExact()
                        ? cb.like(prefix, escapeLike(key) + "%", '\\')
                        : cb.and(cb.like(prefix, escapeLike(IndexedValue.prefix(key)) + "%", '\\'),
                                cb.like(column, escapeLike(operand) + "%", '\\'));
                case CO -> cb.like(column, "%" + escapeLike(operand) + "%", '\\');
                case EW -> cb.like(column, "%" + escapeLike(operand), '\\');
                default -> order(column, operand, compare);
            };
        }
    }

    private <Y extends Comparable<? super Y>> Predicate order(Expression<Y> column, Y value, Compare compare) {
        return switch (compare.op()) {
            case EQ -> cb.equal(column, value);
            case GT -> cb.greaterThan(column, value);
            case GE -> cb.greaterThanOrEqualTo(column, value);
            case LT -> cb.lessThan(column, value);
            case LE -> cb.lessThanOrEqualTo(column, value);
            default -> throw ScimException.invalidFilter("'" + compare.op().token() + "' is not defined for '"
                    + compare.path() + "'");
        };
    }

    // ---- columns and mapped collections ----------------------------------------------------------------

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
            throw ScimException.invalidFilter("Value filters cannot be nested");
        }
        AttributePath path = filter instanceof Present p ? p.path() : ((Compare) filter).path();
        String sub = (path.subAttribute() != null ? path.subAttribute() : path.name()).toLowerCase(Locale.ROOT);
        AttributeMapping.Column column = collection.subAttributes().get(sub);
        if (column == null) {
            throw ScimException.invalidFilter("Filtering on '" + path + "' is not supported");
        }
        return filter instanceof Compare compare ? compareColumn(element, column, compare) : present(element, column);
    }

    /** {@code members.value eq "x"} and {@code members eq "x"} become {@code members[value eq "x"]}. */
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
        if (column.type() == AttributeType.STRING) {
            return cb.and(cb.isNotNull(path), cb.notEqual(path.as(String.class), ""));
        }
        return cb.isNotNull(path);
    }

    /** A column comparison is false for NULL, so that its negation is true for an absent value. */
    private Predicate compareColumn(From<?, ?> from, AttributeMapping.Column column, Compare compare) {
        Path<Object> path = path(from, column);
        JsonValue literal = compare.value();
        if (literal.getValueType() == JsonValue.ValueType.NULL) {
            return switch (compare.op()) {
                case EQ -> cb.isNull(path);
                case NE -> cb.isNotNull(path);
                default -> throw ScimException.invalidFilter("'" + compare.op().token() + "' cannot compare with null");
            };
        }
        if (compare.op() == Operator.NE) {
            return cb.not(compareColumn(from, column, new Compare(compare.path(), Operator.EQ, literal)));
        }
        Predicate comparison = switch (column.type()) {
            case BOOLEAN -> cb.equal(path.as(Boolean.class), booleanLiteral(compare));
            case DATE_TIME -> order(path.as(Instant.class), timeLiteral(compare), compare);
            default -> compareString(path, column, compare);
        };
        return cb.and(cb.isNotNull(path), comparison);
    }

    private Predicate compareString(Path<Object> path, AttributeMapping.Column column, Compare compare) {
        String value = column.comparable(stringLiteral(compare));
        Expression<String> expression = path.as(String.class);
        if (column.lowerCasedInQuery()) {
            expression = cb.lower(expression);
        }
        return switch (compare.op()) {
            case CO -> cb.like(expression, "%" + escapeLike(value) + "%", '\\');
            case SW -> cb.like(expression, escapeLike(value) + "%", '\\');
            case EW -> cb.like(expression, "%" + escapeLike(value), '\\');
            default -> order(expression, value, compare);
        };
    }

    // ---- literals ---------------------------------------------------------------------------------------

    private static String stringLiteral(Compare compare) {
        if (compare.value() instanceof JsonString text) {
            if (text.getString().indexOf('\u0000') >= 0) {
                // no stored value contains NUL (PostgreSQL cannot store it), and the database would refuse it
                throw ScimException.invalidFilter("A comparison value may not contain the NUL character");
            }
            return text.getString();
        }
        if (compare.op() == Operator.EQ && compare.value() instanceof JsonNumber number) {
            return number.toString();
        }
        throw ScimException.invalidFilter("'" + compare.path() + "' is a string; compare it with a string");
    }

    private static Boolean booleanLiteral(Compare compare) {
        JsonValue value = compare.value();
        if (compare.op() != Operator.EQ) {
            throw ScimException.invalidFilter("'" + compare.op().token() + "' is not defined for the boolean '"
                    + compare.path() + "'");
        }
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
            return value == JsonValue.TRUE;
        }
        if (value instanceof JsonString s && (s.getString().equalsIgnoreCase("true")
                || s.getString().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s.getString().toLowerCase(Locale.ROOT));
        }
        throw ScimException.invalidFilter("'" + compare.path() + "' is a boolean; compare it with true or false");
    }

    private static BigDecimal numberLiteral(Compare compare) {
        if (compare.value() instanceof JsonNumber number) {
            return number.bigDecimalValue();
        }
        throw ScimException.invalidFilter("'" + compare.path() + "' is a number; compare it with a number");
    }

    private static Instant timeLiteral(Compare compare) {
        try {
            if (compare.value() instanceof JsonString s) {
                return OffsetDateTime.parse(s.getString()).toInstant();
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw ScimException.invalidFilter("'" + compare.path() + "' is a dateTime; compare it with a string such "
                + "as \"2024-01-01T00:00:00Z\"");
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
