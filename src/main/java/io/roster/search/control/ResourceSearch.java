package io.roster.search.control;

import io.roster.filter.control.AttributeMapping;
import io.roster.filter.control.CriteriaTranslator;
import io.roster.filter.control.SortTranslator;
import io.roster.filter.entity.Filter;
import io.roster.protocol.entity.Page;
import io.roster.search.entity.Sort;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.List;

/**
 * A list request as two SQL queries built from the same filter: a count for {@code totalResults} and one page,
 * ordered by the requested attribute and then by the immutable key (RFC 7644 §3.4.2). Both carry the configured
 * timeout ({@code roster.query.timeout-seconds}), so the database stops a query nobody waits for any more.
 */
public final class ResourceSearch<T> {

    public record Result<T>(long total, List<T> resources) {
    }

    private final EntityManager em;
    private final Class<T> type;
    private final AttributeMapping mapping;
    private final int timeoutMillis;

    /** @param timeoutMillis the longest the database may run one query of this search; 0 for no limit */
    public ResourceSearch(EntityManager em, Class<T> type, AttributeMapping mapping, int timeoutMillis) {
        this.em = em;
        this.type = type;
        this.mapping = mapping;
        this.timeoutMillis = timeoutMillis;
    }

    public long count(String realm, Filter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> root = count.from(type);
        count.select(cb.count(root)).where(where(cb, count, root, realm, filter));
        return limited(em.createQuery(count)).getSingleResult();
    }

    public Result<T> run(String realm, Filter filter, Sort sort, Page page) {
        long total = count(realm, filter);
        if (page.count() == 0 || total <= page.offset()) {
            return new Result<>(total, List.of());
        }
        return new Result<>(total, page(realm, filter, sort, page.offset(), page.count()));
    }

    public List<T> page(String realm, Filter filter, Sort sort, int offset, int count) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> root = select.from(type);
        select.select(root)
                .where(where(cb, select, root, realm, filter))
                .orderBy(new SortTranslator<>(cb, root, mapping).orders(sort, "pk"));
        return limited(em.createQuery(select)).setFirstResult(offset).setMaxResults(count).getResultList();
    }

    private <Q extends TypedQuery<?>> Q limited(Q query) {
        if (timeoutMillis > 0) {
            query.setHint("jakarta.persistence.query.timeout", timeoutMillis);
        }
        return query;
    }

    private Predicate where(CriteriaBuilder cb, CriteriaQuery<?> query, Root<T> root, String realm, Filter filter) {
        Predicate inRealm = cb.equal(root.get("realm"), realm);
        if (filter == null) {
            return inRealm;
        }
        return cb.and(inRealm, new CriteriaTranslator<>(cb, query, root, mapping).toPredicate(filter));
    }
}
