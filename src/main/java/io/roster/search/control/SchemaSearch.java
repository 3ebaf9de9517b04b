package io.roster.search.control;

import io.roster.filter.entity.AttributePath;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.Mutability;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Returned;
import io.roster.schema.entity.Schema;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves filter paths against a resource type's schemas to the rows the {@link AttributeIndexer} wrote.
 * Attributes with columns of their own are not resolved here (the resource's mapping has them); attributes that
 * are never returned (password) cannot be filtered on at all.
 */
public final class SchemaSearch {

    private final ResourceType type;
    private final Set<String> inColumns;

    public SchemaSearch(ResourceType type, Set<String> inColumns) {
        this.type = type;
        this.inColumns = inColumns;
    }

    public Optional<SearchableAttribute> resolve(AttributePath path) {
        String urn = path.schemaUrn();
        Attribute attribute;
        String basePath;
        if (urn == null || type.isCoreSchema(urn)) {
            if (inColumns.contains(lower(path.name()))) {
                return Optional.empty();
            }
            Optional<Attribute> core = type.schema().attribute(path.name());
            if (core.isEmpty()) {
                return Optional.empty();
            }
            attribute = core.get();
            basePath = lower(attribute.name());
        } else {
            Schema extension = type.extension(urn).orElseThrow(
                    () -> ScimException.invalidFilter("Unknown schema '" + urn + "' in filter"));
            attribute = extension.attribute(path.name()).orElseThrow(() -> ScimException.invalidFilter(
                    "Unknown attribute '" + path + "'"));
            basePath = lower(extension.id()) + ":" + lower(attribute.name());
        }
        Attribute sub = null;
        if (path.subAttribute() != null) {
            sub = attribute.subAttribute(path.subAttribute()).orElseThrow(() -> ScimException.invalidFilter(
                    "Unknown sub-attribute '" + path + "'"));
        }
        Attribute leaf = sub == null ? attribute : sub;
        if (leaf.returned() == Returned.NEVER || attribute.returned() == Returned.NEVER) {
            throw ScimException.invalidFilter("'" + path + "' can never be filtered on");
        }
        if (attribute.mutability() == Mutability.READ_ONLY) {
            return Optional.empty();
        }
        return Optional.of(new SearchableAttribute(basePath, attribute, sub));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
