package io.roster.admin.control;

import io.roster.admin.entity.AdminException;
import io.roster.entitlements.control.RoleCache;
import io.roster.realms.RealmPaths;
import io.roster.realms.RealmPurge;
import io.roster.realms.RealmStore;
import io.roster.realms.Realms;
import io.roster.security.control.TokenCache;
import jakarta.enterprise.context.ApplicationScoped;
import io.roster.schema.control.SchemaRegistry;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The realms as the admin API shows them: which exist, creating and deleting them, and where each is served. */
@ApplicationScoped
public class RealmDirectory {

    @Inject
    @ConfigProperty(name = "roster.public-url")
    Optional<String> publicUrl;

    @Inject
    RealmStore store;

    @Inject
    RealmPurge purge;

    @Inject
    TokenCache tokenCache;

    @Inject
    SchemaRegistry schemas;

    @Inject
    RoleCache roles;

    public List<String> names() {
        return store.names();
    }

    /** @throws AdminException 404 if there is no such realm */
    public String existing(String realm) {
        if (realm == null || !store.exists(realm)) {
            throw AdminException.notFound("No realm named \"" + Inputs.abbreviate(String.valueOf(realm)) + "\"");
        }
        return realm;
    }

    /** Creates the realm {@code {"name": "acme"}} asks for. @return its name */
    public String create(JsonObject body) {
        String name = Inputs.string(body, "name");
        if (name == null || !RealmPaths.NAME.matcher(name).matches()) {
            throw AdminException.badRequest("'name' must be 1 to 63 lower-case letters, digits and inner hyphens "
                    + "(it becomes part of the realm's SCIM URL), e.g. \"acme\"");
        }
        // a concurrent create of the same name fails on the primary key: AdminExceptionMapper answers 409
        switch (store.create(name)) {
            case EXISTS -> throw AdminException.conflict("A realm named \"" + name + "\" already exists");
            case BEING_DELETED -> throw AdminException.conflict("The realm \"" + name + "\" was deleted and its "
                    + "data is still being removed; try again in a minute");
            default -> {
                return name;
            }
        }
    }

    /**
     * Deletes a realm: from now on it is not served, and its service accounts and tokens are gone; its users,
     * groups and log are purged in the background in bounded batches.
     */
    public void delete(String realm) {
        existing(realm);
        if (Realms.DEFAULT.equals(realm)) {
            throw AdminException.conflict("The realm \"" + Realms.DEFAULT + "\" cannot be deleted");
        }
        if (!store.markDeleted(realm)) {
            throw AdminException.notFound("No realm named \"" + realm + "\"");
        }
        tokenCache.forgetAll();
        schemas.forget(realm);
        roles.forget(realm);
        purge.purgeSoon(realm);
    }

    /** The SCIM base URL of the realm, from {@code roster.public-url} or else the URL this request came to. */
    public String scimBaseUrl(String realm, UriInfo request) {
        String root = publicUrl.filter(u -> !u.isBlank())
                .orElseGet(() -> request.getBaseUri().toString().replaceFirst("api/admin/?$", ""))
                .replaceAll("/+$", "");
        return root + RealmPaths.scimRoot(realm);
    }
}
