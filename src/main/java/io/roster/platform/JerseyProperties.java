package io.roster.platform;

import java.util.Map;

/** The Jersey settings both of Roster's JAX-RS applications (SCIM and admin API) run with. */
public final class JerseyProperties {

    public static final Map<String, Object> BOTH_APPLICATIONS = Map.of(
            // Jersey's own 4xx would otherwise go through sendError and become the container's error page
            "jersey.config.server.response.setStatusOverSendError", true,
            // /openapi describes the API; a WADL (application.wadl, OPTIONS bodies) would only cost start-up time
            "jersey.config.server.wadl.disableWadl", true,
            // Roster checks its input itself; Bean Validation would only cost start-up time
            "jersey.config.beanValidation.disable.server", true);

    private JerseyProperties() {
    }
}
