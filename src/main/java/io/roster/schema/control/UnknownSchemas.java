package io.roster.schema.control;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Says once per realm, resource type and URN that a client sent attributes under a schema the realm does not
 * know (they are ignored, RFC 7644 §3.3): usually an Okta or Entra mapping made before the administrator defined
 * the extension, which is worth knowing and not worth a line per request. At most {@value #LIMIT} distinct URNs
 * are remembered, so a client sending random URNs cannot grow memory or the log without bound.
 */
public final class UnknownSchemas {

    private static final Logger LOG = Logger.getLogger(UnknownSchemas.class.getName());
    static final int LIMIT = 1000;
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private UnknownSchemas() {
    }

    public static void report(String realm, String resourceType, Collection<String> urns) {
        for (String urn : urns) {
            String key = realm + "\u0000" + resourceType + "\u0000" + urn.toLowerCase(java.util.Locale.ROOT);
            if (REPORTED.size() < LIMIT && REPORTED.add(key)) {
                LOG.warning(() -> "Realm '" + realm + "': " + resourceType + " attributes under the unknown schema '"
                        + abbreviate(urn) + "' are ignored; define the schema for the realm to keep them "
                        + "(reported once)");
            }
        }
    }

    private static String abbreviate(String urn) {
        String printable = urn.replaceAll("[\\p{Cntrl}]", "?");
        return printable.length() <= 200 ? printable : printable.substring(0, 200) + "…";
    }
}
