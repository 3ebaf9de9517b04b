package io.roster.security.boundary;

import io.roster.realms.RealmPaths;
import io.roster.realms.RealmStore;
import io.roster.security.entity.Scopes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code roster.scim.discovery-public=true}, the discovery endpoints of an existing realm
 * ({@code /ServiceProviderConfig}, {@code /ResourceTypes…}, {@code /Schemas…}; RFC 7644 §4) answer requests without
 * credentials, for tools that read them before they have a token. Off by default: discovery is authenticated like
 * everything else. Nothing but those paths is ever admitted this way, and only for reading.
 */
@ApplicationScoped
class PublicDiscovery {

    private static final Pattern DISCOVERY = Pattern.compile("/(ServiceProviderConfig|ResourceTypes|Schemas)(/.*)?");

    @Inject
    @ConfigProperty(name = "roster.scim.discovery-public", defaultValue = "false")
    boolean enabled;

    @Inject
    RealmStore realms;

    boolean allows(HttpServletRequest request) {
        if (!enabled || !"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RealmPaths.realmOf(path)
                .filter(realm -> DISCOVERY.matcher(path.substring(RealmPaths.scimRoot(realm).length())).matches())
                .filter(realms::exists)
                .isPresent();
    }

    AuthenticationStatus admit(HttpMessageContext context) {
        return context.notifyContainerAboutLogin(new CallerPrincipal("anonymous"), Set.of(Scopes.READ));
    }
}
