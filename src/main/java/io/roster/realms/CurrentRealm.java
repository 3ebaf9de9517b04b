package io.roster.realms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The realm the current SCIM request addresses, from its URL. Authentication has already made sure the caller
 * belongs to it (a token of another realm is refused with 401), so resources only ever read and write this realm.
 * Application-scoped: the injected request is CDI's proxy of the current one, so nothing is created per request.
 */
@ApplicationScoped
public class CurrentRealm {

    @Inject
    HttpServletRequest request;

    public String name() {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RealmPaths.realmOf(path).orElse(Realms.DEFAULT);
    }
}
