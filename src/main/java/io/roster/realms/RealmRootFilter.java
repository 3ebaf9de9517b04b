package io.roster.realms;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * The SCIM application is also mapped to {@code /realms/*} (web.xml). For {@code /realms/acme/scim/v2/Users} this
 * moves {@code acme/scim/v2/} from the path into the base URI, so the same resources match, and every
 * {@code meta.location} and {@code Location} built from the base URI names the realm's own SCIM root.
 */
@Provider
@PreMatching
public class RealmRootFilter implements ContainerRequestFilter {

    private static final String SCIM_ROOT = "scim/v2";

    @Override
    public void filter(ContainerRequestContext request) {
        URI base = request.getUriInfo().getBaseUri();
        if (!base.getRawPath().endsWith(RealmPaths.REALMS_PREFIX)) {
            return;
        }
        String path = request.getUriInfo().getPath(false);
        int slash = path.indexOf('/');
        String realm = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : path.substring(slash + 1);
        if (!RealmPaths.NAME.matcher(realm).matches()
                || !rest.equals(SCIM_ROOT) && !rest.startsWith(SCIM_ROOT + "/")) {
            return; // matches no resource: the ordinary SCIM 404
        }
        String realmBase = base + realm + "/" + SCIM_ROOT + "/";
        String remaining = rest.substring(Math.min(rest.length(), SCIM_ROOT.length() + 1));
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        request.setRequestUri(URI.create(realmBase),
                URI.create(realmBase + remaining + (query == null ? "" : "?" + query)));
    }
}
