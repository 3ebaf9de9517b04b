package io.roster.users.control;

import io.roster.entitlements.control.CatalogRules;
import io.roster.protocol.control.JsonP;

import io.roster.schema.control.ResourceValidator;
import io.roster.schema.control.SchemaRegistry;
import io.roster.schema.control.UnknownSchemas;
import io.roster.schema.entity.ResourceType;
import io.roster.search.control.UniqueValues;
import io.roster.search.control.UniqueValues.Owner;
import io.roster.users.entity.User;
import io.roster.users.entity.UserAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The one path every user write takes (POST, PUT and the result of PATCH): validate against the realm's User
 * schemas (core, enterprise and the realm's own extensions, their unique values included) and the realm's role
 * and entitlement catalog, take the password out of the document (it is never stored as sent), then store.
 */
@ApplicationScoped
public class UserWrites {

    @Inject
    UserStore store;

    @Inject
    Passwords passwords;

    @Inject
    CatalogRules catalog;

    @Inject
    SchemaRegistry schemas;

    @Inject
    UniqueValues uniqueValues;

    public User create(String realm, JsonObject input) {
        ResourceType type = schemas.user(realm);
        Validated validated = validate(type, catalog.apply(realm, validator(realm, type, input).normalize(input),
                true));
        uniqueValues.check(realm, type, Owner.USER, validated.attributes().values(), null);
        String passwordHash = validated.password() == null ? null : passwords.protect(validated.password());
        return store.create(realm, validated.attributes(), passwordHash);
    }

    /** PUT, and the result of PATCH: the same schema rules, immutable attributes included, decide both. */
    public void replace(User user, JsonObject input) {
        ResourceType type = schemas.user(user.realm());
        Validated validated = validate(type, catalog.apply(user.realm(),
                validator(user.realm(), type, input).normalize(UserRepresentation.document(user), input), false));
        if (validated.password() == null && validated.attributes().document().equals(user.document())) {
            return; // nothing changes: no write, and the same representation keeps its entity tag (RFC 7232 §2.3)
        }
        uniqueValues.check(user.realm(), type, Owner.USER, validated.attributes().values(), user.pk());
        // the password before the store writes the row: one UPDATE, so the version moves once per write
        if (validated.password() != null) {
            user.changePassword(passwords.protect(validated.password()));
        }
        store.update(user, validated.attributes());
    }

    private record Validated(UserAttributes attributes, String password) {
    }

    private static ResourceValidator validator(String realm, ResourceType type, JsonObject input) {
        ResourceValidator validator = new ResourceValidator(type);
        UnknownSchemas.report(realm, type.name(), validator.unknownSchemas(input));
        return validator;
    }

    private static Validated validate(ResourceType type, JsonObject document) {
        String password = document.get("password") instanceof JsonString s ? s.getString() : null;
        var stored = JsonP.createObjectBuilder(document).remove("password");
        if (!document.containsKey("active")) {
            stored.add("active", true);
        }
        return new Validated(UserAttributes.of(stored.build(), type), password);
    }
}
