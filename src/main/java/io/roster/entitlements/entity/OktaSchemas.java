package io.roster.entitlements.entity;

import static io.roster.schema.entity.Attribute.string;

import io.roster.schema.entity.Mutability;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import java.util.List;

/**
 * The schemas through which Okta Identity Governance discovers an application's roles and entitlements
 * ("Governance with SCIM 2.0"): a resource type with schema {@value #ROLE} at {@code /Roles}, and one with schema
 * {@value #ENTITLEMENT} per entitlement type, each at its own endpoint.
 */
public final class OktaSchemas {

    public static final String ROLE = "urn:okta:scim:schemas:core:1.0:Role";
    public static final String ENTITLEMENT = "urn:okta:scim:schemas:core:1.0:Entitlement";
    public static final String ENTITLEMENTS_PATH = "Entitlements";

    public static final Schema ROLE_SCHEMA = new Schema(ROLE, "Role", "An application role", List.of(
            string("id", "The role's identifier, the value of a user's roles[].value.").asRequired()
                    .with(Mutability.READ_ONLY).asCaseExact(),
            string("displayName", "The role's name as people read it.").asRequired().with(Mutability.READ_ONLY),
            string("description", "What the role allows.").with(Mutability.READ_ONLY)));

    public static final Schema ENTITLEMENT_SCHEMA = new Schema(ENTITLEMENT, "Entitlement", "An application entitlement",
            List.of(
                    string("id", "The entitlement's identifier, the value of a user's entitlements[].value.")
                            .asRequired().with(Mutability.READ_ONLY).asCaseExact(),
                    string("displayName", "The entitlement's name as people read it.").asRequired()
                            .with(Mutability.READ_ONLY),
                    string("type", "The entitlement's type: the name of its resource type.").asRequired()
                            .with(Mutability.READ_ONLY).asCaseExact(),
                    string("description", "What the entitlement allows.").with(Mutability.READ_ONLY)));

    public static final ResourceType ROLE_TYPE = new ResourceType("Role", "/Roles", "Application roles",
            ROLE_SCHEMA, List.of());

    private OktaSchemas() {
    }

    /** The resource type of one entitlement type, served at {@code /Entitlements/{type}}. */
    public static ResourceType entitlementType(String type) {
        return new ResourceType(type, "/" + ENTITLEMENTS_PATH + "/" + type, type + " entitlements", ENTITLEMENT_SCHEMA,
                List.of());
    }
}
