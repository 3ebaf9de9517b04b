package io.roster.schema.control;

import io.roster.protocol.entity.ScimException;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
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

    /** A realm's schemas, or (problem not null) why its SCIM API cannot be served. */
    private record Realm(List<CustomSchema> custom, ResourceType user, ResourceType group, String problem) {
    }

    private static final Logger LOG = Logger.getLogger(SchemaRegistry.class.getName());

    @Inject
    CustomSchemaStore store;

    @Inject
    @ConfigProperty(name = "roster.schemas.cache-millis", defaultValue = "1000")
    long cacheMillis;

    private RealmCache<Realm> realms;
    /** Problems already logged, so that a broken schema is reported once, not at every reload. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        realms = new RealmCache<>(cacheMillis, realm -> of(realm, store.all(realm)));
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

    /**
     * The realm's schemas. A stored schema Roster cannot use stops the realm's SCIM API with 500 and says what to
     * do: serving the realm without it would drop its attributes from every resource that is written.
     */
    private Realm realm(String realm) {
        Realm schemas = realms.get(realm);
        if (schemas.problem() != null) {
            throw ScimException.misconfigured(schemas.problem());
        }
        return schemas;
    }

    private Realm of(String realm, List<StoredSchema> stored) {
        for (StoredSchema schema : stored) {
            if (!schema.isUsable()) {
                String problem = "The realm's custom schema " + schema.urn() + " cannot be used: " + schema.problem()
                        + ". An administrator must replace it (PUT /api/admin/realms/" + realm + "/schemas/"
                        + schema.urn() + ", or Extension schemas in the admin console) or delete it.";
                if (reported.add(realm + " " + problem)) {
                    LOG.severe("Realm " + realm + ": " + problem);
                }
                return new Realm(List.of(), null, null, problem);
            }
        }
        List<CustomSchema> custom = stored.stream().map(StoredSchema::usable).toList();
        return new Realm(custom, extend(CoreSchemas.USER_TYPE, custom), extend(CoreSchemas.GROUP_TYPE,
                custom), null);
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
