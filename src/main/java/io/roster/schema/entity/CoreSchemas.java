package io.roster.schema.entity;

import static io.roster.schema.entity.Attribute.bool;
import static io.roster.schema.entity.Attribute.complex;
import static io.roster.schema.entity.Attribute.reference;
import static io.roster.schema.entity.Attribute.string;

import java.util.List;

/**
 * The schemas of RFC 7643: core User (§4.1), enterprise User extension (§4.3), Group (§4.2) and the common
 * attributes every resource has (§3.1), transcribed from the RFC's own schema representation (§8.7.1).
 */
public final class CoreSchemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /** §3.1 common attributes: not part of any schema, present on every resource. */
    public static final List<Attribute> COMMON = List.of(
            string("id", "Unique identifier of the resource, issued by the service provider.")
                    .asCaseExact().with(Mutability.READ_ONLY).with(Returned.ALWAYS).with(Uniqueness.SERVER),
            string("externalId", "Identifier of the resource as defined by the provisioning client.")
                    .asCaseExact().indexed(),
            complex("meta", "Resource metadata.",
                    string("resourceType", "Name of the resource type.").asCaseExact()
                            .with(Mutability.READ_ONLY),
                    Attribute.of("created", AttributeType.DATE_TIME, "When the resource was added.")
                            .with(Mutability.READ_ONLY),
                    Attribute.of("lastModified", AttributeType.DATE_TIME, "When the resource last changed.")
                            .with(Mutability.READ_ONLY),
                    reference("location", "URI of the resource.", "uri").asCaseExact()
                            .with(Mutability.READ_ONLY),
                    string("version", "Version (weak entity tag) of the resource.").asCaseExact()
                            .with(Mutability.READ_ONLY))
                    .with(Mutability.READ_ONLY));

    /** A multi-valued complex attribute of the common RFC 7643 §2.4 shape: value, display, type, primary. */
    private static Attribute multi(String name, String description, Attribute value, String... types) {
        return complex(name, description,
                value,
                string("display", "A human-readable name, primarily used for display purposes."),
                string("type", "A label indicating the attribute's function.").withCanonicalValues(types),
                bool("primary", "Whether this is the primary or preferred value."))
                .asMultiValued();
    }

    public static final Schema USER_SCHEMA = new Schema(USER, "User", "User Account", List.of(
            string("userName", "Unique identifier for the User, typically used to sign in.")
                    .asRequired().with(Uniqueness.SERVER).indexed(),
            complex("name", "The components of the user's real name.",
                    string("formatted", "The full name, formatted for display."),
                    string("familyName", "The family name of the User."),
                    string("givenName", "The given name of the User."),
                    string("middleName", "The middle name(s) of the User."),
                    string("honorificPrefix", "The honorific prefix(es) of the User."),
                    string("honorificSuffix", "The honorific suffix(es) of the User.")),
            string("displayName", "The name of the User, suitable for display to end-users.").indexed(),
            string("nickName", "The casual way to address the user."),
            reference("profileUrl", "A fully qualified URL pointing to the User's online profile.", "external"),
            string("title", "The user's title, such as \"Vice President\"."),
            string("userType", "The relationship between the organization and the user."),
            string("preferredLanguage", "The User's preferred written or spoken language."),
            string("locale", "The User's default location for localization."),
            string("timezone", "The User's time zone in the IANA Time Zone database format."),
            bool("active", "The User's administrative status."),
            string("password", "The User's cleartext password; never returned.")
                    .with(Mutability.WRITE_ONLY).with(Returned.NEVER),
            multi("emails", "Email addresses for the user.",
                    string("value", "Email address for the User.").indexed(), "work", "home", "other"),
            multi("phoneNumbers", "Phone numbers for the User.",
                    string("value", "Phone number of the User."),
                    "work", "home", "mobile", "fax", "pager", "other"),
            multi("ims", "Instant messaging addresses for the User.",
                    string("value", "Instant messaging address for the User."),
                    "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            multi("photos", "URLs of photos of the User.",
                    reference("value", "URL of a photo of the User.", "external"), "photo", "thumbnail"),
            complex("addresses", "A physical mailing address for this User.",
                    string("formatted", "The full mailing address, formatted for display."),
                    string("streetAddress", "The full street address component."),
                    string("locality", "The city or locality component."),
                    string("region", "The state or region component."),
                    string("postalCode", "The zip code or postal code component."),
                    string("country", "The country name component."),
                    string("type", "A label indicating the attribute's function.")
                            .withCanonicalValues("work", "home", "other"),
                    bool("primary", "Whether this is the primary or preferred address."))
                    .asMultiValued(),
            complex("groups", "The groups the user belongs to, computed by the service provider.",
                    string("value", "The identifier of the User's group.").with(Mutability.READ_ONLY),
                    reference("$ref", "The URI of the corresponding Group resource.", "User", "Group")
                            .with(Mutability.READ_ONLY),
                    string("display", "A human-readable name of the group.").with(Mutability.READ_ONLY),
                    string("type", "Whether membership is direct or indirect.")
                            .withCanonicalValues("direct", "indirect").with(Mutability.READ_ONLY))
                    .asMultiValued().with(Mutability.READ_ONLY),
            multi("entitlements", "A list of entitlements for the User.",
                    string("value", "The value of an entitlement.")),
            multi("roles", "A list of roles for the User.",
                    string("value", "The value of a role.")),
            multi("x509Certificates", "A list of certificates issued to the User.",
                    Attribute.of("value", AttributeType.BINARY, "The value of an X.509 certificate."))));

    public static final Schema ENTERPRISE_USER_SCHEMA = new Schema(ENTERPRISE_USER, "EnterpriseUser",
            "Enterprise User", List.of(
                    string("employeeNumber", "Numeric or alphanumeric identifier assigned to a person."),
                    string("costCenter", "Identifies the name of a cost center."),
                    string("organization", "Identifies the name of an organization."),
                    string("division", "Identifies the name of a division."),
                    string("department", "Identifies the name of a department."),
                    complex("manager", "The User's manager.",
                            string("value", "The id of the SCIM resource representing the User's manager."),
                            reference("$ref", "The URI of the SCIM resource representing the manager.", "User"),
                            string("displayName", "The displayName of the User's manager.")
                                    .with(Mutability.READ_ONLY))));

    public static final Schema GROUP_SCHEMA = new Schema(GROUP, "Group", "Group", List.of(
            string("displayName", "A human-readable name for the Group.")
                    .asRequired().with(Uniqueness.SERVER).indexed(),
            complex("members", "A list of members of the Group.",
                    string("value", "Identifier of the member of this Group.").with(Mutability.IMMUTABLE),
                    reference("$ref", "The URI of the member resource.", "User", "Group")
                            .with(Mutability.IMMUTABLE),
                    string("display", "A human-readable name of the member."),
                    string("type", "The type of the member.").withCanonicalValues("User", "Group")
                            .with(Mutability.IMMUTABLE))
                    .asMultiValued()));

    public static final ResourceType USER_TYPE = new ResourceType("User", "/Users", "User Account", USER_SCHEMA,
            List.of(ENTERPRISE_USER_SCHEMA));

    public static final ResourceType GROUP_TYPE = new ResourceType("Group", "/Groups", "Group", GROUP_SCHEMA,
            List.of());

    private CoreSchemas() {
    }
}
