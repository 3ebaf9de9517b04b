package io.roster.search.control;

import io.roster.filter.control.AttributeMapping;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where list and search requests get their {@link ResourceSearch}: with the query timeout
 * ({@code roster.query.timeout-seconds}, 0 for none) and this instance's {@link SearchCache}
 * ({@code roster.query.cache-seconds}, 0 for none).
 */
@ApplicationScoped
public class Searches {

    @Inject
    @ConfigProperty(name = "roster.query.timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "roster.query.cache-seconds", defaultValue = "10")
    int cacheSeconds;

    private SearchCache cache;
    private PreparedQueries prepared;

    @PostConstruct
    void init() {
        cache = cacheSeconds > 0 ? new SearchCache(cacheSeconds * 1000L) : null;
        prepared = new PreparedQueries(timeoutMillis());
    }

    public <T> ResourceSearch<T> of(EntityManager em, Class<T> type, AttributeMapping mapping) {
        return new ResourceSearch<>(em, type, mapping, timeoutMillis(), cache, prepared);
    }

    private int timeoutMillis() {
        return Math.max(0, timeoutSeconds) * 1000;
    }
}
