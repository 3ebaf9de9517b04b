package io.roster.security.control;

import fish.payara.security.annotations.RealmIdentityStoreDefinition;
import io.roster.security.entity.Roles;
import io.roster.security.entity.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Users of the server's security realm ({@code file}: Payara's file realm, managed in the admin console under
 * Configurations → server-config → Security → Realms → file, or with {@code asadmin create-file-user}). Payara's
 * realm identity store checks their passwords (which stay in the realm) and gives their groups; a member of
 * {@code roster.security.realm.scim-group} may call SCIM on the default realm with HTTP Basic, a member of
 * {@code roster.security.realm.admin-group} may use the admin API. Payara's store refuses a realm user who is in no
 * group at all as if the password were wrong.
 */
@ApplicationScoped
@RealmIdentityStoreDefinition("file")
public class ServerRealm {

    @Inject
    @ConfigProperty(name = "roster.security.realm.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "roster.security.realm.scim-group", defaultValue = "roster-scim")
    String scimGroup;

    @Inject
    @ConfigProperty(name = "roster.security.realm.admin-group", defaultValue = "roster-admin")
    String adminGroup;

    public boolean enabled() {
        return enabled;
    }

    public String scimGroup() {
        return scimGroup;
    }

    public String adminGroup() {
        return adminGroup;
    }

    /** The roles of a realm user in SCIM requests: read and write, or none without the group. */
    public Set<String> scimRoles(Set<String> realmGroups) {
        return realmGroups.contains(scimGroup) ? Set.of(Scopes.READ, Scopes.WRITE) : Set.of();
    }

    /** The roles of a realm user in the admin API. */
    public Set<String> adminRoles(Set<String> realmGroups) {
        return realmGroups.contains(adminGroup) ? Set.of(Roles.ADMIN) : Set.of();
    }
}
