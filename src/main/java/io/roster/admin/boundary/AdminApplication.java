package io.roster.admin.boundary;

import io.roster.platform.JerseyProperties;
import io.roster.protocol.boundary.JsonBodyProvider;
import io.roster.security.entity.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The admin API at {@code /api/admin}: plain JSON for operators, role {@value Roles#ADMIN}. Its classes are listed
 * explicitly, so none of the SCIM API's providers (SCIM error bodies, scim+json content type, provisioning log)
 * apply here; the SCIM application finds its classes by scanning and turns away these resources (they require no
 * SCIM scope, see {@code ScopeCheck}).
 */
@ApplicationPath("api/admin")
@DeclareRoles(Roles.ADMIN)
public class AdminApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(RealmsResource.class, ServiceAccountsResource.class, RolesAdminResource.class,
                EntitlementsAdminResource.class, SchemasAdminResource.class, ProvisioningLogResource.class, ProvisioningStatsResource.class,
                RealmUsersResource.class, RealmGroupsResource.class,
                AuthFailuresResource.class, AdminExceptionMapper.class, JsonBodyProvider.class);
    }

    @Override
    public Map<String, Object> getProperties() {
        return JerseyProperties.BOTH_APPLICATIONS;
    }
}
