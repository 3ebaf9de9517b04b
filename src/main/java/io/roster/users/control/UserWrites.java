package io.roster.users.control;

import io.roster.entitlements.control.CatalogRules;
import io.roster.protocol.control.JsonP;

import io.roster.schema.control.ResourceValidator;
import io.roster.schema.entity.CoreSchemas;
import io.roster.users.entity.User;
import io.roster.users.entity.UserAttributes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

/**
 * The one path every user write takes (POST, PUT and the result of PATCH): validate against the User schema and
 * the realm's role and entitlement catalog, take the password out of the document (it is never stored as sent),
 * then store.
 */
@ApplicationScoped
public class UserWrites {

    private static final ResourceValidator VALIDATOR = new ResourceValidator(CoreSchemas.USER_TYPE);

    @Inject
    UserStore store;

    @Inject
    Passwords passwords;

    @Inject
    CatalogRules catalog;

    public User create(String realm, JsonObject input) {
        Validated validated = validate(catalog.apply(realm, VALIDATOR.normalize(input), true));
        String passwordHash = validated.password() == null ? null : passwords.protect(validated.password());
        return store.create(realm, validated.attributes(), passwordHash);
    }

    /** PUT, and the result of PATCH: the same schema rules, immutable attributes included, decide both. */
    public void replace(User user, JsonObject input) {
        Validated validated = validate(catalog.apply(user.realm(),
                VALIDATOR.normalize(UserRepresentation.document(user), input), false));
        if (validated.password() == null && validated.attributes().document().equals(user.document())) {
            return; // nothing changes: no write, and the same representation keeps its entity tag (RFC 7232 §2.3)
        }
        // the password before the store writes the row: one UPDATE, so the version moves once per write
        if (validated.password() != null) {
            user.changePassword(passwords.protect(validated.password()));
        }
        store.update(user, validated.attributes());
    }

    private record Validated(UserAttributes attributes, String password) {
    }

    private static Validated validate(JsonObject document) {
        String password = document.get("password") instanceof JsonString s ? s.getString() : null;
        var stored = JsonP.createObjectBuilder(document).remove("password");
        if (!document.containsKey("active")) {
            stored.add("active", true);
        }
        return new Validated(UserAttributes.of(stored.build()), password);
    }
}
