package io.roster.schema.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A SCIM resource type (RFC 7643 §6): its core schema and the extension schemas it accepts. Extension attributes
 * live in the resource under the extension's URN.
 */
public record ResourceType(String name, String endpoint, String description, Schema schema,
        List<Schema> extensions) {

    /** The extension whose URN equals {@code urn}, case-insensitively (RFC 7643 §2.1). */
    public Optional<Schema> extension(String urn) {
        String wanted = urn.toLowerCase(Locale.ROOT);
        return extensions.stream().filter(s -> s.id().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    public boolean isCoreSchema(String urn) {
        return schema.id().equalsIgnoreCase(urn);
    }
}
