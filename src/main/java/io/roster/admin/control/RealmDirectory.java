package io.roster.admin.control;

import io.roster.admin.entity.AdminException;
import io.roster.realms.Realms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The realms the admin API knows and where each is served. Until more realms can be created there is only
 * {@value Realms#DEFAULT}, served at {@code /scim/v2}.
 */
@ApplicationScoped
public class RealmDirectory {

    @Inject
    @ConfigProperty(name = "roster.public-url")
    Optional<String> publicUrl;

    public List<String> names() {
        return List.of(Realms.DEFAULT);
    }

    /** @throws AdminException 404 if there is no such realm */
    public String existing(String realm) {
        if (!names().contains(realm)) {
            throw AdminException.notFound("No realm named \"" + Inputs.abbreviate(realm) + "\"; the realms are "
                    + names());
        }
        return realm;
    }

    /** The SCIM base URL of the realm, from {@code roster.public-url} or else the URL this request came to. */
    public String scimBaseUrl(String realm, UriInfo request) {
        String root = publicUrl.filter(u -> !u.isBlank())
                .orElseGet(() -> request.getBaseUri().toString().replaceFirst("api/admin/?$", ""))
                .replaceAll("/+$", "");
        return root + "/scim/v2";
    }
}
