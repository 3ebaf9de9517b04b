package io.roster.security.entity;

/** Container roles that are not SCIM scopes (those are in {@link Scopes}). */
public final class Roles {

    /** Administrators: the admin API at {@code /api/admin}. */
    public static final String ADMIN = "roster-admin";

    private Roles() {
    }
}
