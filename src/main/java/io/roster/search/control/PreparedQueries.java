package io.roster.search.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.persistence.jpa.JpaEntityManager;
import org.eclipse.persistence.queries.DatabaseQuery;
import org.eclipse.persistence.queries.ReadQuery;
import org.eclipse.persistence.sessions.DatabaseRecord;
import org.eclipse.persistence.sessions.Session;

/**
 * JPQL queries whose SQL EclipseLink makes once per server, for the lookups identity providers make on every
 * provisioning step ({@link ColumnEquality}). EclipseLink keeps the SQL of a JPQL string it has parsed, but a query
 * timeout set on the query (the JPA hint) makes it generate the SQL again on every execution; and so does a
 * Criteria query, always. Here each JPQL string becomes one template with the timeout (and a row limit) already
 * set, prepared once; each request executes a copy of it with its own parameters, which EclipseLink makes without
 * touching the SQL (BENCHMARKS.md, "The lookups' SQL made once").
 */
final class PreparedQueries {

    private static final String TIMEOUT = "jakarta.persistence.query.timeout";

    private final int timeoutMillis;
    private final Map<String, DatabaseQuery> templates = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> entityNames = new ConcurrentHashMap<>();

    /** @param timeoutMillis the longest the database may run one of these queries; 0 for no limit */
    PreparedQueries(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A query of this JPQL in the entity manager's transaction, to be given its parameters.
     *
     * @param limited whether the caller will set a row limit ({@code setMaxResults}); the template then has one, so
     *                that a copy given another limit keeps the SQL (the limit is a parameter of it)
     */
    Query query(EntityManager em, Class<?> type, String jpql, boolean limited) {
        DatabaseQuery template = templates.computeIfAbsent(jpql, q -> template(em, type, q, limited));
        return em.unwrap(JpaEntityManager.class).createQuery(template);
    }

    /** The entity's name in JPQL. */
    String entityName(EntityManager em, Class<?> type) {
        return entityNames.computeIfAbsent(type, t -> em.getMetamodel().entity(t).getName());
    }

    private DatabaseQuery template(EntityManager em, Class<?> type, String jpql, boolean limited) {
        var query = em.createQuery(jpql, type);
        if (timeoutMillis > 0) {
            query.setHint(TIMEOUT, timeoutMillis);
        }
        // a copy: unwrapped without a hint, it is the one EclipseLink keeps for the JPQL string
        DatabaseQuery template = (DatabaseQuery) query.unwrap(DatabaseQuery.class).clone();
        if (limited) {
            ((ReadQuery) template).setMaxRows(1);
        }
        template.prepareCall(em.getEntityManagerFactory().unwrap(Session.class), new DatabaseRecord());
        return template;
    }
}
