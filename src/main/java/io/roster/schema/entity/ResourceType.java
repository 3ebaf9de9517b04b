package io.roster.schema.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** The {@code schemas} of a resource with this document: the core schema and the extensions it has values for. */
    public List<String> schemasOf(Map<String, ?> document) {
        List<String> urns = new ArrayList<>();
        urns.add(schema.id());
        extensions.stream().map(Schema::id).filter(document::containsKey).forEach(urns::add);
        return urns;
    }

    /** Whether a stored document's key is shown: values under a schema the type no longer has are not. */
    public boolean shows(String key) {
        return !key.startsWith("urn:") || extension(key).isPresent();
    }

    public boolean isCoreSchema(String urn) {
        return schema.id().equalsIgnoreCase(urn);
    }
}
