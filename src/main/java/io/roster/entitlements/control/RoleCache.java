package io.roster.entitlements.control;

import io.roster.entitlements.entity.CatalogEntry;
import io.roster.realms.RealmCache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A realm's roles as every create and replace of a user needs them (the default role, the values allowed), read
 * from the database at most once per {@code roster.catalog.cache-millis} (default 1000) on each instance instead
 * of once per request. A change made through this instance applies at once ({@link #forget}); on other instances
 * sharing the database within that time, as for the realm's schemas.
 */
@ApplicationScoped
public class RoleCache {

    @Inject
    Catalog catalog;

    @Inject
    @ConfigProperty(name = "roster.catalog.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private RealmCache<List<CatalogEntry>> roles;

    @PostConstruct
    void start() {
        roles = new RealmCache<>(cacheMillis, catalog::roles);
    }

    /** The realm's roles, by id. */
    public List<CatalogEntry> roles(String realm) {
        return roles.get(realm);
    }

    /** The role a user created without roles gets, if the realm has one. */
    public Optional<CatalogEntry> defaultRole(String realm) {
        return roles(realm).stream().filter(CatalogEntry::isDefault).findFirst();
    }

    /** Makes this instance read the realm's roles again on next use: call it after a change has committed. */
    public void forget(String realm) {
        roles.forget(realm);
    }
}
