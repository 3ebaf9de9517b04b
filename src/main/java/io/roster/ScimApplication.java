package io.roster;

import io.roster.platform.JerseyProperties;
import io.roster.security.entity.Scopes;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The SCIM 2.0 service provider, at {@code /scim/v2}. */
@ApplicationPath("scim/v2")
@DeclareRoles({Scopes.READ, Scopes.WRITE})
public class ScimApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return JerseyProperties.BOTH_APPLICATIONS;
    }
}
