package io.roster.realms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each realm is served: {@value Realms#DEFAULT} at {@code /scim/v2}, every other realm at
 * {@code /realms/{realm}/scim/v2}. Parses the realm out of a request path (relative to the application's context).
 */
public final class RealmPaths {

    public static final String SCIM_ROOT = "/scim/v2";
    public static final String REALMS_PREFIX = "/realms/";

    /** Realm names: lower-case letters, digits and inner hyphens, as they appear in a URL, at most 63 long. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private static final Pattern REALM_ROOT = Pattern.compile("/realms/([^/]+)/scim/v2(/.*)?");

    private RealmPaths() {
    }

    /**
     * The realm a SCIM request path addresses: {@value Realms#DEFAULT} for {@code /scim/v2…}, {@code acme} for
     * {@code /realms/acme/scim/v2…}; empty for any other path and for a malformed realm name (which no realm can
     * have).
     */
    public static Optional<String> realmOf(String path) {
        if (path.equals(SCIM_ROOT) || path.startsWith(SCIM_ROOT + "/")) {
            return Optional.of(Realms.DEFAULT);
        }
        Matcher matcher = REALM_ROOT.matcher(path);
        if (matcher.matches() && NAME.matcher(matcher.group(1)).matches()) {
            return Optional.of(matcher.group(1));
        }
        return Optional.empty();
    }

    /** The SCIM root of a realm, relative to the application's context. */
    public static String scimRoot(String realm) {
        return Realms.DEFAULT.equals(realm) ? SCIM_ROOT : REALMS_PREFIX + realm + SCIM_ROOT;
    }
}
