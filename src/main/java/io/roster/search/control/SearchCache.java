package io.roster.search.control;

import io.roster.filter.entity.Filter;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What a paging client (Okta's import: {@code startIndex=1, 101, 201, …} with the same filter) would otherwise make
 * the database compute again for every page, kept for a few seconds in this instance:
 * <ul>
 * <li>{@code totalResults} per (resource type, realm, filter), used only for pages after the first: a first page
 * (every lookup Okta and Entra make) always counts afresh, and refreshes the entry;</li>
 * <li>the key of the last resource of a page in the default order (by key), so that the next page continues with
 * {@code pk > last} instead of skipping {@code startIndex - 1} rows.</li>
 * </ul>
 * Both are dropped when a user or group is written in this instance ({@link #written()}, called by the entities'
 * listener), so that within one instance a page answers exactly what offset paging would. Writes in other
 * instances are seen when an entry expires.
 */
public final class SearchCache {

    /** Entries beyond this many are dropped wholesale: a bound, not a policy (paging clients are few). */
    static final int MAX_ENTRIES = 10_000;

    private static final AtomicLong WRITES = new AtomicLong();

    private static volatile TransactionSynchronizationRegistry transactions;

    private record Key(Class<?> type, String realm, Filter filter, long offset) {
    }

    private record Entry(long value, long writes, long expiresAt) {
    }

    private final long ttlNanos;
    private final LongSupplier clock;
    private final Map<Key, Entry> counts = new ConcurrentHashMap<>();
    private final Map<Key, Entry> lastKeys = new ConcurrentHashMap<>();

    public SearchCache(long ttlMillis) {
        this(ttlMillis, System::nanoTime);
    }

    SearchCache(long ttlMillis, LongSupplier clock) {
        this.ttlNanos = ttlMillis * 1_000_000;
        this.clock = clock;
    }

    /**
     * A user, group or membership is being created, changed or deleted in this instance: nothing cached before
     * still holds. Counted now and again when the transaction ends, so that a count run between the two (which
     * still saw the old rows) is not kept either.
     */
    public static void written() {
        WRITES.incrementAndGet();
        try {
            TransactionSynchronizationRegistry registry = transactions();
            if (registry.getTransactionStatus() == Status.STATUS_ACTIVE
                    && registry.getResource(SearchCache.class) == null) { // once per transaction
                registry.putResource(SearchCache.class, Boolean.TRUE);
                registry.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        WRITES.incrementAndGet();
                    }
                });
            }
        } catch (NamingException | RuntimeException outsideTheContainer) {
            // no transaction to wait for
        }
    }

    /** The container's registry, looked up once: a JNDI lookup per written entity was 1.5% of a create's CPU. */
    private static TransactionSynchronizationRegistry transactions() throws NamingException {
        TransactionSynchronizationRegistry registry = transactions;
        if (registry == null) {
            registry = (TransactionSynchronizationRegistry) new InitialContext()
                    .lookup("java:comp/TransactionSynchronizationRegistry");
            transactions = registry;
        }
        return registry;
    }

    /** JPA listener of the entities whose writes change what searches find. */
    public static final class Listener {
        @PostPersist
        @PostUpdate
        @PostRemove
        void written(Object entity) {
            SearchCache.written();
        }
    }

    /** The generation to pass to {@code put…}: read it before running the query whose answer is cached. */
    public static long generation() {
        return WRITES.get();
    }

    public Long count(Class<?> type, String realm, Filter filter) {
        return get(counts, new Key(type, realm, filter, -1));
    }

    public void putCount(Class<?> type, String realm, Filter filter, long total, long generation) {
        put(counts, new Key(type, realm, filter, -1), total, generation);
    }

    /** The key of the resource at position {@code offset} (0-based) in key order, when a page ended there. */
    public Long lastKeyBefore(Class<?> type, String realm, Filter filter, long offset) {
        return get(lastKeys, new Key(type, realm, filter, offset));
    }

    public void putLastKeyBefore(Class<?> type, String realm, Filter filter, long offset, long key, long generation) {
        put(lastKeys, new Key(type, realm, filter, offset), key, generation);
    }

    private Long get(Map<Key, Entry> map, Key key) {
        Entry entry = map.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.writes() != WRITES.get() || clock.getAsLong() - entry.expiresAt() > 0) {
            map.remove(key, entry);
            return null;
        }
        return entry.value();
    }

    private void put(Map<Key, Entry> map, Key key, long value, long generation) {
        if (ttlNanos <= 0 || generation != WRITES.get()) {
            return;
        }
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
        map.put(key, new Entry(value, generation, clock.getAsLong() + ttlNanos));
    }
}
