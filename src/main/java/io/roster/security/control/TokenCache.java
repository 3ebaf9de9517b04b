package io.roster.security.control;

import io.roster.security.entity.ServiceAccountPrincipal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Valid tokens remembered for a fraction of a second ({@code roster.security.token-cache-millis}, 500 by default;
 * 0 switches it off), so a client's burst of requests costs one database lookup instead of one each. The lifetime
 * is the whole cost: a token revoked, expired, or deleted through another instance sharing the database is
 * refused here within that time (the promise is one second). Changes made through this instance clear the cache
 * at once. Only valid tokens are kept, so guessing tokens cannot fill it. Hits and misses are the metrics
 * {@code roster_token_cache_hits} and {@code roster_token_cache_misses}.
 */
@ApplicationScoped
public class TokenCache {

    /** What a valid token stands for, and until when that may be believed. */
    record Entry(ServiceAccountPrincipal principal, String accountRealm, Set<String> groups, Instant tokenExpires,
            long validUntilNanos) {
    }

    @Inject
    @ConfigProperty(name = "roster.security.token-cache-millis", defaultValue = "500")
    long lifetimeMillis;

    @Inject
    MetricRegistry metrics;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** Looked up once: finding a counter in the registry builds and compares its metric ID on every call. */
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void counters() {
        hits = metrics.counter("roster_token_cache_hits");
        misses = metrics.counter("roster_token_cache_misses");
    }

    Optional<Entry> find(String tokenHash, Instant now) {
        Entry entry = lifetimeMillis <= 0 ? null : entries.get(tokenHash);
        if (entry == null || System.nanoTime() - entry.validUntilNanos() > 0
                || entry.tokenExpires() != null && !now.isBefore(entry.tokenExpires())) {
            if (entry != null) {
                entries.remove(tokenHash, entry);
            }
            misses.inc();
            return Optional.empty();
        }
        hits.inc();
        return Optional.of(entry);
    }

    void remember(String tokenHash, ServiceAccountPrincipal principal, String accountRealm, Set<String> groups,
            Instant tokenExpires) {
        if (lifetimeMillis <= 0) {
            return;
        }
        if (entries.size() > 10_000) {
            entries.clear(); // far more live tokens than any deployment has: start over rather than grow
        }
        entries.put(tokenHash, new Entry(principal, accountRealm, groups, tokenExpires,
                System.nanoTime() + lifetimeMillis * 1_000_000));
    }

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * After any change of tokens or accounts through this instance: no answer may rest on what was before. Cleared
     * now and, inside a transaction, once more after it completes, so that a request that read the old state just
     * before the commit cannot leave it here.
     */
    public void forgetAll() {
        entries.clear();
        if (transactions != null && transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    entries.clear();
                }
            });
        }
    }
}
