package io.roster.search.control;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.control.CriteriaTranslator;
import io.roster.filter.control.SortTranslator;
import io.roster.filter.entity.And;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.Compare;
import io.roster.filter.entity.Filter;
import io.roster.filter.entity.Operator;
import io.roster.protocol.entity.Page;
import io.roster.search.entity.Sort;
import jakarta.json.JsonString;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A list request as SQL built from one filter: one page, ordered by the requested attribute and then by the
 * immutable key (RFC 7644 §3.4.2), and a count for {@code totalResults} unless the page shows it is the first and
 * only one.
 *
 * <p>A page is read as its keys first ({@code select pk … order by … offset ? fetch first ? rows only}, which the
 * database answers from its indexes without reading, let alone copying, the documents of the rows it skips), then
 * the rows of those keys; a filter with one match at most (an equality on a unique attribute, as in the lookups
 * identity providers make) reads its row at once, with any columns its caller joins to it ({@link JoinedColumns}),
 * and so does the first page of an equality on an attribute with an index of its own ({@code externalId eq},
 * Entra's lookup), which skips no rows. A client paging in the default
 * order (Okta's import: {@code startIndex=1, 101, …}) gets each next page by {@code pk > last key of the previous
 * page} when this instance served that page moments ago, and the count of the first page for the pages after it
 * ({@link SearchCache}). Every query carries the configured timeout ({@code roster.query.timeout-seconds}).
 */
public final class ResourceSearch<T> {

    /**
     * @param joinedRows the rows of the {@link JoinedColumns} when the search read them with the resources, each
     *                   {@code {resource, column…}}; null when it did not, and the caller reads them its own way
     */
    public record Result<T>(long total, List<T> resources, List<Object[]> joinedRows) {

        Result(long total, List<T> resources) {
            this(total, resources, null);
        }
    }

    private static final String KEY = "pk";

    private final EntityManager em;
    private final Class<T> type;
    private final AttributeMapping mapping;
    private final int timeoutMillis;
    private final SearchCache cache;
    private final PreparedQueries prepared;

    /**
     * @param timeoutMillis the longest the database may run one query of this search; 0 for no limit
     * @param cache         counts and page ends of recent searches; null for none
     * @param prepared      the queries of this server whose SQL is made once, with the same timeout
     */
    ResourceSearch(EntityManager em, Class<T> type, AttributeMapping mapping, int timeoutMillis, SearchCache cache,
            PreparedQueries prepared) {
        this.em = em;
        this.type = type;
        this.mapping = mapping;
        this.timeoutMillis = timeoutMillis;
        this.cache = cache;
        this.prepared = prepared;
    }

    /** {@code totalResults}, counted now. */
    public long count(String realm, Filter filter) {
        long generation = SearchCache.generation();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> root = count.from(type);
        count.select(cb.count(root)).where(where(cb, count, root, realm, filter));
        long total = limited(em.createQuery(count)).getSingleResult();
        if (cache != null) {
            cache.putCount(type, realm, filter, total, generation);
        }
        return total;
    }

    public Result<T> run(String realm, Filter filter, Sort sort, Page page) {
        return run(realm, filter, sort, page, null);
    }

    /**
     * @param joined columns to read with the resource in the same query when the filter finds one at most by an
     *               equality on a column ({@code userName eq}); null for none. Other searches leave them unread.
     */
    public Result<T> run(String realm, Filter filter, Sort sort, Page page, JoinedColumns joined) {
        if (page.offset() == 0 && page.count() > 0) {
            // a first page (every lookup is one) that is not full holds every match: its size is the count, and
            // the lookups identity providers make need no count query
            if (atMostOne(filter, mapping)) {
                // Okta's userName lookup (and Entra's, and a group's by displayName): the row in one query
                Optional<ColumnEquality> equality = ColumnEquality.of(filter, mapping, prepared.entityName(em, type));
                if (joined != null && equality.isPresent()) {
                    return matching(realm, equality.get(), joined);
                }
                List<T> rows = matching(realm, filter, equality);
                return new Result<>(rows.size(), rows);
            }
            if (sort == null && indexedEquality(filter, mapping)) {
                // Entra's externalId lookup: the few matches come by their own index, so no rows are skipped
                // and the first page's rows need no keys first
                List<T> rows = firstRows(realm, filter, page.count());
                return new Result<>(rows.size() < page.count() ? rows.size() : count(realm, filter), rows);
            }
            List<Object> keys = keys(realm, filter, sort, 0, page.count());
            long total = keys.size() < page.count() ? keys.size() : count(realm, filter);
            return new Result<>(total, keys.isEmpty() ? List.of() : rows(keys));
        }
        // later pages of the same search take the count from a moment ago, unless it says there is nothing left
        Long recent = page.offset() > 0 && cache != null ? cache.count(type, realm, filter) : null;
        long total = recent != null && recent > page.offset() ? recent : count(realm, filter);
        if (page.count() == 0 || total <= page.offset()) {
            return new Result<>(total, List.of());
        }
        return new Result<>(total, page(realm, filter, sort, page.offset(), page.count()));
    }

    public List<T> page(String realm, Filter filter, Sort sort, int offset, int count) {
        List<Object> keys = keys(realm, filter, sort, offset, count);
        return keys.isEmpty() ? List.of() : rows(keys);
    }

    private List<Object> keys(String realm, Filter filter, Sort sort, int offset, int count) {
        long generation = SearchCache.generation();
        boolean keyOrder = sort == null;
        Long after = keyOrder && offset > 0 && cache != null ? cache.lastKeyBefore(type, realm, filter, offset) : null;

        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Object> select = cb.createQuery(Object.class);
        Root<T> root = select.from(type);
        Path<Object> key = root.get(KEY);
        Predicate where = where(cb, select, root, realm, filter);
        if (after != null) {
            where = cb.and(where, cb.greaterThan(root.<Long>get(KEY), after));
        }
        List<Order> requested = new SortTranslator<>(cb, root, mapping).orders(sort, KEY);
        List<Order> orders = new ArrayList<>();
        // one match at most needs no order; ordered, PostgreSQL may walk the key index and test every row while
        // the table's statistics still say it is empty (a new database during its first push, BENCHMARKS.md)
        if (!atMostOne(filter, mapping)) {
            if (after != null) {
                // the same order (one realm), but matching the (realm_id, pk) index whole lets the database stop
                // reading at the end of the page; only here: with a filter and no key range, H2 took it as a
                // reason to walk the realm's foreign-key index in order instead of using the filter's index (a
                // userName lookup read every user of the realm)
                orders.add(cb.asc(root.get("realm")));
            }
            orders.addAll(requested);
        }
        select.select(key).where(where).orderBy(orders);
        TypedQuery<Object> keysQuery = limited(em.createQuery(select)).setMaxResults(count);
        if (after == null) {
            keysQuery.setFirstResult(offset);
        }
        List<Object> keys = keysQuery.getResultList();
        if (keyOrder && cache != null && keys.size() == count) {
            cache.putLastKeyBefore(type, realm, filter, (long) offset + count,
                    ((Number) keys.get(keys.size() - 1)).longValue(), generation);
        }
        return keys;
    }

    /** Whether the filter is, or requires, an equality on a column unique within the realm: one match at most. */
    static boolean atMostOne(Filter filter, AttributeMapping mapping) {
        return requiresEquality(filter, mapping::uniqueInRealm);
    }

    /** Whether the filter is, or requires, an equality that an index of the column's own answers. */
    static boolean indexedEquality(Filter filter, AttributeMapping mapping) {
        return requiresEquality(filter, mapping::indexedForEquality);
    }

    private static boolean requiresEquality(Filter filter, java.util.function.Predicate<AttributePath> column) {
        if (filter instanceof Compare compare) {
            return compare.op() == Operator.EQ && compare.value() instanceof JsonString && column.test(compare.path());
        }
        return filter instanceof And and
                && (requiresEquality(and.left(), column) || requiresEquality(and.right(), column));
    }

    /** The resources that match a filter of at most one match ({@link #atMostOne}). */
    private List<T> matching(String realm, Filter filter, Optional<ColumnEquality> equality) {
        if (equality.isPresent()) {
            return rows(prepared.query(em, type, equality.get().jpql(), false), realm, equality.get());
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        select.select(root).where(where(cb, select, root, realm, filter));
        return limited(em.createQuery(select)).getResultList();
    }

    /** The resource that matches the equality, with its joined rows, in one query. */
    private Result<T> matching(String realm, ColumnEquality equality, JoinedColumns joined) {
        List<Object[]> rows = rows(prepared.query(em, Object[].class, equality.jpql(joined), false), realm, equality);
        List<T> resources = rows.stream().map(row -> type.cast(row[0])).distinct().toList();
        return new Result<>(resources.size(), resources, rows);
    }

    /**
     * The first {@code count} resources in key order, read at once ({@link #indexedEquality}); a full page leaves its
     * last key for the next page, as {@link #keys} does.
     */
    private List<T> firstRows(String realm, Filter filter, int count) {
        long generation = SearchCache.generation();
        Optional<ColumnEquality> equality = ColumnEquality.of(filter, mapping, prepared.entityName(em, type));
        List<T> rows;
        if (equality.isPresent()) {
            String jpql = equality.get().jpql() + " order by r." + KEY;
            rows = rows(prepared.query(em, type, jpql, true).setMaxResults(count), realm, equality.get());
        } else {
            CriteriaBuilder cb = em.getCriteriaBuilder();
            CriteriaQuery<T> select = cb.createQuery(type);
            Root<T> root = select.from(type);
            select.select(root).where(where(cb, select, root, realm, filter)).orderBy(cb.asc(root.get(KEY)));
            rows = limited(em.createQuery(select)).setMaxResults(count).getResultList();
        }
        if (cache != null && rows.size() == count) {
            Object last = em.getEntityManagerFactory().getPersistenceUnitUtil().getIdentifier(rows.get(count - 1));
            cache.putLastKeyBefore(type, realm, filter, count, ((Number) last).longValue(), generation);
        }
        return rows;
    }

    /** The resources of these keys, in the keys' order; one whose row went in the meantime is left out. */
    private List<T> rows(List<Object> keys) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        select.select(root).where(root.get(KEY).in(keys));
        Map<Object, T> byKey = new HashMap<>();
        var util = em.getEntityManagerFactory().getPersistenceUnitUtil();
        for (T row : limited(em.createQuery(select)).getResultList()) {
            byKey.put(util.getIdentifier(row), row);
        }
        List<T> rows = new ArrayList<>(keys.size());
        for (Object k : keys) {
            T row = byKey.get(k);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    @SuppressWarnings("unchecked") // the query selects what the caller expects: the type's entities, or rows
    private static <R> List<R> rows(Query query, String realm, ColumnEquality equality) {
        return query.setParameter("realm", realm).setParameter("value", equality.value()).getResultList();
    }

    private <Q extends TypedQuery<?>> Q limited(Q query) {
        if (timeoutMillis > 0) {
            query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
        }
        return query;
    }

    private Predicate where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<T> root, String realm, Filter filter) {
        if (filter == null) {
            return cb.equal(root.get("realm"), realm);
        }
        return new CriteriaTranslator<>(cb, query, root, mapping, realm).toPredicate(filter);
    }
}
