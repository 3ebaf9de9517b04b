package io.roster.realms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Something every request of a realm needs and that rarely changes (its schemas, its roles), read from the database
 * at most once per lifetime on this instance. A change made through this instance applies at once ({@link #forget},
 * called after it has committed); one made through another instance sharing the database, within the lifetime.
 * A lifetime of 0 reads every time.
 */
public final class RealmCache<T> {

    private record Loaded<T>(long at, T value) {
    }

    private final Map<String, Loaded<T>> realms = new ConcurrentHashMap<>();
    /** Counts forgets: a read that overlapped one may have seen the old state, so it is used but not kept. */
    private final AtomicLong forgets = new AtomicLong();
    private final long lifetimeNanos;
    private final LongSupplier clock;
    private final Function<String, T> load;

    public RealmCache(long lifetimeMillis, Function<String, T> load) {
        this(lifetimeMillis, System::nanoTime, load);
    }

    RealmCache(long lifetimeMillis, LongSupplier clock, Function<String, T> load) {
        this.lifetimeNanos = lifetimeMillis * 1_000_000;
        this.clock = clock;
        this.load = load;
    }

    public T get(String realm) {
        long now = clock.getAsLong();
        Loaded<T> cached = realms.get(realm);
        if (cached != null && now - cached.at() < lifetimeNanos) {
            return cached.value();
        }
        long generation = forgets.get();
        T value = load.apply(realm);
        if (lifetimeNanos > 0 && forgets.get() == generation) {
            realms.put(realm, new Loaded<>(now, value));
        }
        return value;
    }

    /** Makes this instance read the realm again on next use. */
    public void forget(String realm) {
        forgets.incrementAndGet();
        realms.remove(realm);
    }
}
