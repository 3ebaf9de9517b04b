package io.roster.security.entity;

import jakarta.security.enterprise.CallerPrincipal;

/**
 * An administrator of Roster's own ({@code admin}, password hash in Roster's database), as opposed to a user of the
 * server's security realm, whose principal is the realm's.
 */
public final class AdministratorPrincipal extends CallerPrincipal {

    public AdministratorPrincipal(String name) {
        super(name);
    }
}
