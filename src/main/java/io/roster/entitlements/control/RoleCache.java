package io.roster.entitlements.control;

import io.roster.entitlements.entity.CatalogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A realm's roles as every create and replace of a user needs them (the default role, the values allowed), read
 * from the database at most once per {@code roster.catalog.cache-millis} (default 1000) on each instance instead
 * of once per request. A change made through this instance applies at once ({@link #forget}); on other instances
 * sharing the database within that time, as for the realm's schemas.
 */
@ApplicationScoped
public class RoleCache {

    private record Loaded(long at, List<CatalogEntry> roles) {
    }

    @Inject
    Catalog catalog;

    @Inject
    @ConfigProperty(name = "roster.catalog.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private final Map<String, Loaded> realms = new ConcurrentHashMap<>();
    /** Counts forgets: a load that overlapped one may have read the old roles, so it is used but not kept. */
    private final AtomicLong forgets = new AtomicLong();
    private final LongSupplier clock;
    private final Function<String, List<CatalogEntry>> load;

    public RoleCache() {
        this.clock = System::nanoTime;
        this.load = realm -> catalog.roles(realm);
    }

    RoleCache(long cacheMillis, LongSupplier clock, Function<String, List<CatalogEntry>> load) {
        this.cacheMillis = cacheMillis;
        this.clock = clock;
        this.load = load;
    }

    /** The realm's roles, by id. */
    public List<CatalogEntry> roles(String realm) {
        long now = clock.getAsLong();
        Loaded cached = realms.get(realm);
        if (cached != null && now - cached.at() < cacheMillis * 1_000_000) {
            return cached.roles();
        }
        long generation = forgets.get();
        List<CatalogEntry> roles = load.apply(realm);
        if (cacheMillis > 0 && forgets.get() == generation) {
            realms.put(realm, new Loaded(now, roles));
        }
        return roles;
    }

    /** The role a user created without roles gets, if the realm has one. */
    public Optional<CatalogEntry> defaultRole(String realm) {
        return roles(realm).stream().filter(CatalogEntry::isDefault).findFirst();
    }

    /** Makes this instance read the realm's roles again on next use: call it after a change has committed. */
    public void forget(String realm) {
        forgets.incrementAndGet();
        realms.remove(realm);
    }
}
