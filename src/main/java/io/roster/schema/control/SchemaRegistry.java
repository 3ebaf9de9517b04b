package io.roster.schema.control;

import io.roster.realms.RealmCache;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
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

    private record Realm(List<CustomSchema> custom, ResourceType user, ResourceType group) {
    }

    @Inject
    CustomSchemaStore store;

    @Inject
    @ConfigProperty(name = "roster.schemas.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private RealmCache<Realm> realms;

    @PostConstruct
    void start() {
        realms = new RealmCache<>(cacheMillis, realm -> of(store.all(realm)));
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
        realms.forget(realm);
    }

    private Realm realm(String realm) {
        return realms.get(realm);
    }

    private static Realm of(List<CustomSchema> custom) {
        return new Realm(custom, extend(CoreSchemas.USER_TYPE, custom), extend(CoreSchemas.GROUP_TYPE,
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
