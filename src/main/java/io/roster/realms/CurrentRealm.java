package io.roster.realms;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The realm the current SCIM request addresses, from its URL. Authentication has already made sure the caller
 * belongs to it (a token of another realm is refused with 401), so resources only ever read and write this realm.
 */
@RequestScoped
public class CurrentRealm {

    @Inject
    HttpServletRequest request;

    public String name() {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return RealmPaths.realmOf(path).orElse(Realms.DEFAULT);
    }
}
