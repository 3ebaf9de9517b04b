package io.roster.security.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service account may do. A scope ({@code scim:read}, {@code scim:write}) is stored with the account and
 * becomes the container role of the same name with "-" for ":" ({@code scim-read}, {@code scim-write}).
 */
public final class Scopes {

    public static final String READ_SCOPE = "scim:read";
    public static final String WRITE_SCOPE = "scim:write";
    /** Every scope there is, in the order they are shown. */
    public static final List<String> ALL = List.of(READ_SCOPE, WRITE_SCOPE);
    /** Role of requests whose account has {@link #READ_SCOPE}. */
    public static final String READ = "scim-read";
    /** Role of requests whose account has {@link #WRITE_SCOPE}. */
    public static final String WRITE = "scim-write";

    private Scopes() {
    }

    public static Set<String> roles(String storedScopes) {
        return list(storedScopes).stream().map(Scopes::role).collect(Collectors.toSet());
    }

    /** The scopes as stored (space-separated), one per element. */
    public static List<String> list(String storedScopes) {
        return Arrays.stream(storedScopes.split("[ ,]+")).filter(s -> !s.isBlank()).toList();
    }

    public static String stored(Collection<String> scopes) {
        return ALL.stream().filter(scopes::contains).collect(Collectors.joining(" "));
    }

    public static String role(String scope) {
        return scope.replace(':', '-');
    }

    public static String scope(String role) {
        return role.replace('-', ':');
    }

    public static boolean isScimRole(String role) {
        return READ.equals(role) || WRITE.equals(role);
    }
}
