package io.roster.realms;

/**
 * Realms are isolated directories: each has its own users, groups, service accounts and log. The default realm
 * always exists and is served at {@code /scim/v2} (see {@link RealmPaths}).
 */
public final class Realms {

    public static final String DEFAULT = "default";

    private Realms() {
    }
}
