package io.roster.entitlements.control;

import io.roster.entitlements.entity.CatalogEntry;
import io.roster.protocol.control.JsonP;
import io.roster.protocol.entity.ScimException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * What a realm's catalog means for a user's document (after schema validation): when the realm has roles, every
 * {@code roles[].value} must be one of them; when it has entitlements, every {@code entitlements[].value} must be
 * one of them (of the given {@code type}, or the only one with that id). Missing {@code display} (and an
 * entitlement's missing {@code type}) are filled in from the catalog. A user created without roles gets the
 * realm's default role, if it has one. An empty catalog checks nothing.
 */
@ApplicationScoped
public class CatalogRules {

    @Inject
    Catalog catalog;

    @Inject
    RoleCache roleCache;

    public JsonObject apply(String realm, JsonObject document, boolean creating) {
        JsonObjectBuilder out = JsonP.createObjectBuilder(document);
        if (document.get("roles") instanceof JsonArray roles) {
            out.add("roles", checkRoles(roleCache.roles(realm), roles));
        } else if (creating) {
            roleCache.defaultRole(realm).ifPresent(role -> out.add("roles", JsonP.createArrayBuilder()
                    .add(JsonP.createObjectBuilder().add("value", role.id()).add("display", role.displayName()))));
        }
        if (document.get("entitlements") instanceof JsonArray entitlements) {
            out.add("entitlements", checkEntitlements(catalog.entitlements(realm, null), entitlements));
        }
        return out.build();
    }

    private static JsonArray checkRoles(List<CatalogEntry> known, JsonArray roles) {
        if (known.isEmpty()) {
            return roles;
        }
        JsonArrayBuilder checked = JsonP.createArrayBuilder();
        for (JsonValue element : roles) {
            JsonObject role = element.asJsonObject();
            String value = text(role, "value");
            CatalogEntry entry = known.stream().filter(r -> r.id().equals(value)).findFirst()
                    .orElseThrow(() -> ScimException.invalidValue("roles: \"" + value + "\" is not a role of this "
                            + "directory; the roles are " + ids(known)));
            checked.add(withDefaults(role, entry, false));
        }
        return checked.build();
    }

    private static JsonArray checkEntitlements(List<CatalogEntry> known, JsonArray entitlements) {
        if (known.isEmpty()) {
            return entitlements;
        }
        JsonArrayBuilder checked = JsonP.createArrayBuilder();
        for (JsonValue element : entitlements) {
            JsonObject entitlement = element.asJsonObject();
            String value = text(entitlement, "value");
            String type = text(entitlement, "type");
            List<CatalogEntry> matches = known.stream()
                    .filter(e -> e.id().equals(value) && (type == null || e.type().equals(type))).toList();
            if (matches.size() != 1) {
                throw ScimException.invalidValue("entitlements: \"" + value + "\"" + (type == null ? "" : " of type \""
                        + type + "\"") + (matches.isEmpty() ? " is not an entitlement of this directory"
                        : " names entitlements of several types; send its type too"));
            }
            checked.add(withDefaults(entitlement, matches.get(0), true));
        }
        return checked.build();
    }

    private static JsonObject withDefaults(JsonObject value, CatalogEntry entry, boolean typed) {
        JsonObjectBuilder filled = JsonP.createObjectBuilder(value);
        if (!value.containsKey("display")) {
            filled.add("display", entry.displayName());
        }
        if (typed && !value.containsKey("type")) {
            filled.add("type", entry.type());
        }
        return filled.build();
    }

    private static String text(JsonObject object, String name) {
        return Optional.ofNullable(object.get(name)).filter(JsonString.class::isInstance)
                .map(v -> ((JsonString) v).getString()).orElse(null);
    }

    private static String ids(List<CatalogEntry> entries) {
        List<String> ids = entries.stream().limit(10).map(e -> "\"" + e.id() + "\"").toList();
        return String.join(", ", ids) + (entries.size() > 10 ? " and " + (entries.size() - 10) + " more" : "");
    }
}
