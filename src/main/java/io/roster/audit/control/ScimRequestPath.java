package io.roster.audit.control;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The resource type and id a SCIM request path names: {@code /scim/v2/Users/2819c223} is a {@code User} with id
 * {@code 2819c223}; {@code /scim/v2/Groups} and {@code /scim/v2/Users/.search} name a type and no id.
 */
public record ScimRequestPath(String resourceType, String resourceId) {

    public static final String BASE = "/scim/v2";

    private static final Map<String, String> TYPES = Map.of(
            "users", "User",
            "groups", "Group",
            "serviceproviderconfig", "ServiceProviderConfig",
            "resourcetypes", "ResourceType",
            "schemas", "Schema",
            "bulk", "Bulk",
            "me", "Me",
            ".search", "Search");

    /** A realm's SCIM root: {@code /realms/acme/scim/v2}. */
    private static final Pattern REALM_BASE = Pattern.compile("^/realms/[^/]+" + BASE);

    /**
     * @param path the path from the server root ({@code /scim/v2/…}, {@code /realms/acme/scim/v2/…}) or relative
     *             to the SCIM base URL
     */
    public static ScimRequestPath of(String path) {
        String relative = path == null ? "" : REALM_BASE.matcher(path).replaceFirst("");
        if (relative.startsWith(BASE)) {
            relative = relative.substring(BASE.length());
        }
        String[] segments = relative.replaceAll("^/+|/+$", "").split("/+", 3);
        if (segments[0].isEmpty()) {
            return new ScimRequestPath(null, null);
        }
        String type = TYPES.get(segments[0].toLowerCase(Locale.ROOT));
        if (type == null) {
            return new ScimRequestPath(null, null);
        }
        String id = segments.length > 1 && !segments[1].equals(".search") ? segments[1] : null;
        return new ScimRequestPath(type, id);
    }

    /** The resource type a client means, in any case and also as the endpoint's plural ("users"). */
    public static String normalType(String text) {
        String key = text.trim().toLowerCase(Locale.ROOT);
        String plural = TYPES.get(key);
        if (plural != null) {
            return plural;
        }
        return TYPES.values().stream().filter(t -> t.equalsIgnoreCase(key)).findFirst().orElse(null);
    }
}
