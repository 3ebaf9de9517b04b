package io.roster.patch.control;

import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.AttributePath;
import io.roster.filter.entity.PatchPath;
import io.roster.protocol.entity.ScimException;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import java.util.Optional;

/** Resolves PATCH paths (and the keys of path-less value objects) against a resource type's schemas. */
final class PathResolver {

    private final ResourceType type;

    PathResolver(ResourceType type) {
        this.type = type;
    }

    Target resolve(PatchPath path, String text) {
        AttributePath attributePath = path.attribute();
        String urn = attributePath.schemaUrn();
        if (urn != null && !type.isCoreSchema(urn)) {
            Optional<Schema> whole = type.extension(urn + ":" + attributePath.name());
            if (whole.isPresent() && attributePath.subAttribute() == null && path.valueFilter() == null) {
                return new Target(whole.get().id(), null, null, null);
            }
            Schema extension = type.extension(urn)
                    .orElseThrow(() -> ScimException.invalidPath("Unknown schema in path \"" + text + "\""));
            return target(extension.id(), extension.attribute(attributePath.name()), path, text);
        }
        Optional<Attribute> core = type.schema().attribute(attributePath.name())
                .or(() -> CoreSchemas.COMMON.stream()
                        .filter(a -> a.name().equalsIgnoreCase(attributePath.name())).findFirst());
        return target(null, core, path, text);
    }

    /** A key of a path-less add/replace value: "title", "name.givenName" or "urn:…:User:employeeNumber". */
    Target resolveKey(String key) {
        PatchPath path;
        try {
            path = FilterParser.parsePatchPath(key);
        } catch (ScimException e) {
            throw ScimException.invalidPath("\"" + key + "\" is not an attribute path: " + e.detail());
        }
        if (path.valueFilter() != null) {
            throw ScimException.invalidPath("\"" + key + "\": a value filter is not allowed in an attribute name");
        }
        return resolve(path, key);
    }

    private Target target(String extensionUrn, Optional<Attribute> found, PatchPath path, String text) {
        Attribute attribute = found
                .orElseThrow(() -> ScimException.invalidPath("Unknown attribute in path \"" + text + "\""));
        String subName = path.subAttribute() != null ? path.subAttribute() : path.attribute().subAttribute();
        if (path.subAttribute() != null && path.attribute().subAttribute() != null) {
            throw ScimException.invalidPath("Path \"" + text + "\" is nested too deeply");
        }
        Attribute sub = null;
        if (subName != null) {
            sub = attribute.subAttribute(subName).orElseThrow(() -> ScimException.invalidPath(
                    "Unknown sub-attribute in path \"" + text + "\""));
        }
        if (path.valueFilter() != null && !(attribute.multiValued() && attribute.isComplex())) {
            throw ScimException.invalidPath("Path \"" + text + "\": a value filter needs a multi-valued "
                    + "complex attribute");
        }
        return new Target(extensionUrn, attribute, path.valueFilter(), sub);
    }
}
