package io.roster.schema.control;

import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The schemas of each realm: core User (with the enterprise extension) and Group, plus the extensions the realm's
 * administrator defined. Validation, indexing, filtering, PATCH, projection and discovery all take their
 * {@link ResourceType} from here, so what a realm advertises is what it enforces.
 *
 * <p>A realm's schemas are read from the database at most once per {@code roster.schemas.cache-millis}
 * (default 1000) on each instance; a change made through this instance applies at once, on other instances
 * sharing the database within that time.
 */
@ApplicationScoped
public class SchemaRegistry {

    private record Realm(long loadedAt, List<CustomSchema> custom, ResourceType user, ResourceType group) {
    }

    @Inject
    CustomSchemaStore store;

    @Inject
    @ConfigProperty(name = "roster.schemas.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private final Map<String, Realm> realms = new ConcurrentHashMap<>();

    /** A registry of realms without custom schemas (for tests of the code that uses one). */
    public static SchemaRegistry withoutCustomSchemas() {
        SchemaRegistry registry = new SchemaRegistry();
        registry.store = new CustomSchemaStore() {
            @Override
            public List<CustomSchema> all(String realm) {
                return List.of();
            }
        };
        return registry;
    }

    public ResourceType user(String realm) {
        return realm(realm).user();
    }

    public ResourceType group(String realm) {
        return realm(realm).group();
    }

    /** The realm's own extension schemas, ordered by URN. */
    public List<CustomSchema> custom(String realm) {
        return realm(realm).custom();
    }

    /** Makes this instance read the realm's schemas again on next use (after a change). */
    public void forget(String realm) {
        realms.remove(realm);
    }

    private Realm realm(String realm) {
        long now = System.nanoTime();
        Realm cached = realms.get(realm);
        if (cached != null && now - cached.loadedAt() < cacheMillis * 1_000_000) {
            return cached;
        }
        Realm loaded = of(now, store.all(realm));
        realms.put(realm, loaded);
        return loaded;
    }

    static Realm of(long loadedAt, List<CustomSchema> custom) {
        return new Realm(loadedAt, custom, extend(CoreSchemas.USER_TYPE, custom), extend(CoreSchemas.GROUP_TYPE,
                custom));
    }

    /** {@code base} with the custom schemas that extend it appended to its extensions. */
    public static ResourceType extend(ResourceType base, List<CustomSchema> custom) {
        List<Schema> extensions = new ArrayList<>(base.extensions());
        custom.stream().filter(c -> c.resourceType().equals(base.name())).forEach(c -> extensions.add(c.schema()));
        return extensions.size() == base.extensions().size() ? base
                : new ResourceType(base.name(), base.endpoint(), base.description(), base.schema(),
                        List.copyOf(extensions));
    }
}
