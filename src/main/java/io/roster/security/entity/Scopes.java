package io.roster.security.entity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a service account may do. A scope ({@code scim:read}, {@code scim:write}) is stored with the account and
 * becomes the container role of the same name with "-" for ":" ({@code scim-read}, {@code scim-write}).
 */
public final class Scopes {

    public static final String READ_SCOPE = "scim:read";
    public static final String WRITE_SCOPE = "scim:write";
    /** Role of requests whose account has {@link #READ_SCOPE}. */
    public static final String READ = "scim-read";
    /** Role of requests whose account has {@link #WRITE_SCOPE}. */
    public static final String WRITE = "scim-write";

    private Scopes() {
    }

    public static Set<String> roles(String storedScopes) {
        return Arrays.stream(storedScopes.split("[ ,]+"))
                .filter(s -> !s.isBlank())
                .map(s -> s.replace(':', '-'))
                .collect(Collectors.toSet());
    }
}
