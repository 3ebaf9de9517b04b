package io.roster.audit.control;

import io.roster.audit.entity.LogEntry;
import io.roster.audit.entity.LogQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the provisioning log: newest first, every criterion of a {@link LogQuery} in SQL. */
@ApplicationScoped
public class LogSearch {

    @PersistenceContext(unitName = "roster")
    EntityManager em;

    public List<LogEntry> find(LogQuery query) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<LogEntry> select = cb.createQuery(LogEntry.class);
        Root<LogEntry> entry = select.from(LogEntry.class);
        Path<Instant> time = entry.get("time");
        Path<Long> id = entry.get("pk");
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(entry.get("realm"), query.realm()));
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(time, query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(time, query.to()));
        }
        equal(cb, where, entry.get("serviceAccount"), query.serviceAccount());
        equal(cb, where, entry.get("method"), query.method());
        equal(cb, where, entry.get("resourceType"), query.resourceType());
        equal(cb, where, entry.get("resourceId"), query.resourceId());
        if (query.statusFrom() != null) {
            where.add(cb.between(entry.<Integer>get("status"), query.statusFrom(), query.statusTo()));
        }
        if (query.before() != null) {
            where.add(cb.or(cb.lessThan(time, query.before().time()),
                    cb.and(cb.equal(time, query.before().time()), cb.lessThan(id, query.before().id()))));
        }
        select.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(time), cb.desc(id));
        return em.createQuery(select).setMaxResults(query.limit()).getResultList();
    }

    private static void equal(CriteriaBuilder cb, List<Predicate> where, Path<Object> path, String value) {
        if (value != null) {
            where.add(cb.equal(path, value));
        }
    }
}
