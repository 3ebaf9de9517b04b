package io.roster.schema.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimType;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.Mutability;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Schema;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceValidatorTest {

    private static final String ENTERPRISE = CoreSchemas.ENTERPRISE_USER;

    private final ResourceValidator users = new ResourceValidator(CoreSchemas.USER_TYPE);
    private final ResourceValidator groups = new ResourceValidator(CoreSchemas.GROUP_TYPE);

    // --- names -----------------------------------------------------------------------------------------------

    @Test
    void spellsAttributeNamesAsTheSchemaDoesWhateverTheClientWrote() {
        JsonObject normalized = users.normalize(json("""
                {"USERNAME": "bjensen", "Name": {"GIVENNAME": "Barbara", "familyname": "Jensen"},
                 "Emails": [{"VALUE": "bjensen@example.com", "Type": "work", "PRIMARY": true}],
                 "externalid": "e1", "NICKNAME": "Babs"}
                """));

        assertThat(normalized).isEqualTo(json("""
                {"userName": "bjensen", "name": {"givenName": "Barbara", "familyName": "Jensen"},
                 "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true}],
                 "externalId": "e1", "nickName": "Babs"}
                """));
    }

    @Test
    void findsTheExtensionWhateverTheCaseOfItsUrn() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen",
                 "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER": {"EmployeeNumber": "701984"}}
                """));

        assertThat(normalized).isEqualTo(json("""
                {"userName": "bjensen", "%s": {"employeeNumber": "701984"}}
                """.formatted(ENTERPRISE)));
    }

    // --- what is ignored -------------------------------------------------------------------------------------

    @Test
    void ignoresReadOnlyAttributes() {
        JsonObject normalized = users.normalize(json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "id": "23a35c27-23d3-4c03-b4c5-6443c09e7173", "userName": "bjensen",
                 "groups": [{"value": "e9e30dba-f08f-4109-8486-d5c6a331660a", "display": "Tour Guides"}],
                 "meta": {"resourceType": "User", "created": "2024-05-01T10:00:00Z",
                          "location": "https://example.com/v2/Users/23a35c27"},
                 "%s": {"manager": {"value": "26118915", "displayName": "John Smith"}}}
                """.formatted(ENTERPRISE)));

        assertThat(normalized).isEqualTo(json("""
                {"userName": "bjensen", "%s": {"manager": {"value": "26118915"}}}
                """.formatted(ENTERPRISE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"created\": \"04-12-2018 00:00:00\", \"lastModified\": \"yesterday\"}",
            "\"not an object\"",
            "[1, 2]",
            "42",
            "{\"version\": {\"nested\": true}, \"location\": 17}"})
    void ignoresMalformedMeta(String meta) {
        JsonObject normalized = users.normalize(json("{\"userName\": \"bjensen\", \"meta\": " + meta + "}"));

        assertThat(normalized).isEqualTo(json("{\"userName\": \"bjensen\"}"));
    }

    @Test
    void ignoresAttributesOfNoSchemaAndUnknownExtensions() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "favouriteColour": "blue", "name": {"givenName": "Babs", "nick": "B"},
                 "urn:ietf:params:scim:schemas:extension:custom:2.0:User": {"badge": "7"},
                 "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/User": {"x": 1}}
                """));

        assertThat(normalized).isEqualTo(json("{\"userName\": \"bjensen\", \"name\": {\"givenName\": \"Babs\"}}"));
    }

    @Test
    void dropsNullAndEmptyValues() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "title": null, "emails": [], "phoneNumbers": null, "name": {},
                 "addresses": [{}], "roles": [null], "ims": [{"value": null}],
                 "%s": {"department": null, "manager": null}}
                """.formatted(ENTERPRISE)));

        assertThat(normalized).isEqualTo(json("{\"userName\": \"bjensen\"}"));
    }

    @Test
    void dropsAnExtensionGivenAsNullOrEmpty() {
        assertThat(users.normalize(json("{\"userName\": \"b\", \"" + ENTERPRISE + "\": null}")))
                .isEqualTo(json("{\"userName\": \"b\"}"));
        assertThat(users.normalize(json("{\"userName\": \"b\", \"" + ENTERPRISE + "\": {}}")))
                .isEqualTo(json("{\"userName\": \"b\"}"));
    }

    @Test
    void dropsNullSubAttributesSuchAsEntrasMemberRef() {
        JsonObject normalized = groups.normalize(json("""
                {"displayName": "Tour Guides", "members": [{"$ref": null, "value": "u1"}, {"value": "u2"}]}
                """));

        assertThat(normalized).isEqualTo(json("""
                {"displayName": "Tour Guides", "members": [{"value": "u1"}, {"value": "u2"}]}
                """));
    }

    // --- lenient forms ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"True", "true", "TRUE", " true "})
    void readsTrueStrings(String text) {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "active": "%s",
                 "emails": [{"value": "b@example.com", "primary": "%s"}]}
                """.formatted(text, text)));

        assertThat(normalized.get("active")).isEqualTo(JsonValue.TRUE);
        assertThat(normalized.getJsonArray("emails").getJsonObject(0).get("primary")).isEqualTo(JsonValue.TRUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"False", "false", "FALSE"})
    void readsFalseStrings(String text) {
        JsonObject normalized = users.normalize(json("{\"userName\": \"b\", \"active\": \"" + text + "\"}"));

        assertThat(normalized.get("active")).isEqualTo(JsonValue.FALSE);
    }

    @Test
    void wrapsASingleValueOfAMultiValuedAttribute() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "emails": {"value": "b@example.com", "type": "work"},
                 "phoneNumbers": {"value": "555-555-8377"}}
                """));

        assertThat(normalized).isEqualTo(json("""
                {"userName": "bjensen", "emails": [{"value": "b@example.com", "type": "work"}],
                 "phoneNumbers": [{"value": "555-555-8377"}]}
                """));
    }

    @Test
    void wrapsAManagerGivenAsItsId() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "%s": {"manager": "26118915-6090-4610-87e4-49d8ca9f808d"}}
                """.formatted(ENTERPRISE)));

        assertThat(normalized.getJsonObject(ENTERPRISE)).isEqualTo(json("""
                {"manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}}
                """));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "{\"value\": \"\"}", "{\"value\": \"\", \"displayName\": \"John Smith\"}"})
    void anEmptyManagerClearsIt(String manager) {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "%s": {"employeeNumber": "7", "manager": %s}}
                """.formatted(ENTERPRISE, manager)));

        assertThat(normalized.getJsonObject(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\": \"7\"}"));
    }

    @Test
    void anExtensionWithOnlyAnEmptyManagerIsDropped() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "bjensen", "%s": {"manager": ""}}
                """.formatted(ENTERPRISE)));

        assertThat(normalized).isEqualTo(json("{\"userName\": \"bjensen\"}"));
    }

    @Test
    void keepsTheEnterpriseExtension() {
        JsonObject input = json("""
                {"userName": "bjensen",
                 "%s": {"employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios",
                        "division": "Theme Park", "department": "Tour Operations",
                        "manager": {"value": "26118915", "$ref": "../Users/26118915"}}}
                """.formatted(ENTERPRISE));

        assertThat(users.normalize(input)).isEqualTo(input);
    }

    @Test
    void keepsThePasswordForTheStoreToTakeOut() {
        JsonObject normalized = users.normalize(json("{\"userName\": \"b\", \"password\": \"t1meMa$heen\"}"));

        assertThat(normalized.getString("password")).isEqualTo("t1meMa$heen");
    }

    @Test
    void keepsEmptyStringsOfOptionalAttributes() {
        JsonObject normalized = users.normalize(json("{\"userName\": \"b\", \"title\": \"\"}"));

        assertThat(normalized.getString("title")).isEmpty();
    }

    @Test
    void removesDuplicateValues() {
        JsonObject normalized = groups.normalize(json("""
                {"displayName": "G", "members": [{"value": "u1"}, {"VALUE": "u1"}, {"value": "u2"}]}
                """));

        assertThat(normalized.getJsonArray("members")).hasSize(2);
    }

    @Test
    void normalizingIsIdempotent() {
        JsonObject once = users.normalize(json("""
                {"userName": "bjensen", "active": "False", "emails": {"value": "b@example.com", "primary": "true"},
                 "%s": {"manager": "m1"}, "meta": "x", "id": "1"}
                """.formatted(ENTERPRISE)));

        assertThat(users.normalize(once)).isEqualTo(once);
    }

    @Test
    void acceptsAGroupWithoutMembers() {
        JsonObject input = json("{\"displayName\": \"Test SCIMv2\", \"members\": []}");

        assertThat(groups.normalize(input)).isEqualTo(json("{\"displayName\": \"Test SCIMv2\"}"));
    }

    // --- what is rejected ------------------------------------------------------------------------------------

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("userName number", "{\"userName\": 5}"),
                Arguments.of("userName object", "{\"userName\": {\"value\": \"b\"}}"),
                Arguments.of("title array", "{\"userName\": \"b\", \"title\": [\"x\"]}"),
                Arguments.of("active not a boolean string", "{\"userName\": \"b\", \"active\": \"yes\"}"),
                Arguments.of("active number", "{\"userName\": \"b\", \"active\": 1}"),
                Arguments.of("name string", "{\"userName\": \"b\", \"name\": \"Babs Jensen\"}"),
                Arguments.of("name.givenName number", "{\"userName\": \"b\", \"name\": {\"givenName\": 1}}"),
                Arguments.of("emails value number", "{\"userName\": \"b\", \"emails\": [{\"value\": 1}]}"),
                Arguments.of("emails element number", "{\"userName\": \"b\", \"emails\": [1]}"),
                // only a single-valued complex attribute (manager) may be given as its bare value
                Arguments.of("emails bare string", "{\"userName\": \"b\", \"emails\": \"a@example.com\"}"),
                Arguments.of("emails element string", "{\"userName\": \"b\", \"emails\": [\"a@example.com\"]}"),
                Arguments.of("emails nested array", "{\"userName\": \"b\", \"emails\": [[{\"value\": \"a@b\"}]]}"),
                Arguments.of("primary not a boolean",
                        "{\"userName\": \"b\", \"emails\": [{\"value\": \"a@b\", \"primary\": \"yes\"}]}"),
                Arguments.of("extension not an object", "{\"userName\": \"b\", \"" + ENTERPRISE + "\": \"x\"}"),
                Arguments.of("manager number", "{\"userName\": \"b\", \"" + ENTERPRISE + "\": {\"manager\": 7}}"),
                Arguments.of("employeeNumber number",
                        "{\"userName\": \"b\", \"" + ENTERPRISE + "\": {\"employeeNumber\": 701984}}"),
                Arguments.of("password boolean", "{\"userName\": \"b\", \"password\": true}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void rejectsValuesOfTheWrongType(String description, String input) {
        assertInvalidValue(() -> users.normalize(json(input)));
    }

    @Test
    void rejectsGroupMembersOfTheWrongType() {
        assertInvalidValue(() -> groups.normalize(json("{\"displayName\": \"G\", \"members\": [true]}")));
        assertInvalidValue(() -> groups.normalize(json("{\"displayName\": 1}")));
    }

    @Test
    void rejectsMoreThanOnePrimary() {
        assertInvalidValue(() -> users.normalize(json("""
                {"userName": "b", "emails": [{"value": "a@example.com", "primary": true},
                                             {"value": "b@example.com", "primary": "True"}]}
                """)));
        assertInvalidValue(() -> users.normalize(json("""
                {"userName": "b", "addresses": [{"type": "work", "primary": true},
                                                {"type": "home", "primary": true}]}
                """)));
    }

    @Test
    void acceptsOnePrimaryAmongNonPrimaries() {
        JsonObject normalized = users.normalize(json("""
                {"userName": "b", "emails": [{"value": "a@example.com", "primary": true},
                                             {"value": "b@example.com", "primary": "False"},
                                             {"value": "c@example.com"}]}
                """));

        assertThat(normalized.getJsonArray("emails")).hasSize(3);
    }

    static Stream<Arguments> indexedStrings() {
        return Stream.of(
                Arguments.of("userName", "{\"userName\": \"%s\"}"),
                Arguments.of("externalId", "{\"userName\": \"b\", \"externalId\": \"%s\"}"),
                Arguments.of("displayName", "{\"userName\": \"b\", \"displayName\": \"%s\"}"),
                Arguments.of("emails.value", "{\"userName\": \"b\", \"emails\": [{\"value\": \"%s\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("indexedStrings")
    void limitsIndexedStringsTo1024Characters(String attribute, String template) {
        assertThat(users.normalize(json(template.formatted("x".repeat(1024))))).isNotNull();
        assertInvalidValue(() -> users.normalize(json(template.formatted("x".repeat(1025)))));
    }

    @Test
    void limitsGroupDisplayNameTo1024Characters() {
        assertThat(groups.normalize(json("{\"displayName\": \"" + "g".repeat(1024) + "\"}"))).isNotNull();
        assertInvalidValue(() -> groups.normalize(json("{\"displayName\": \"" + "g".repeat(1025) + "\"}")));
    }

    static Stream<Arguments> otherStrings() {
        return Stream.of(
                Arguments.of("title", "{\"userName\": \"b\", \"title\": \"%s\"}"),
                Arguments.of("name.givenName", "{\"userName\": \"b\", \"name\": {\"givenName\": \"%s\"}}"),
                Arguments.of("emails.display", "{\"userName\": \"b\", \"emails\": [{\"display\": \"%s\"}]}"),
                Arguments.of("password", "{\"userName\": \"b\", \"password\": \"%s\"}"),
                Arguments.of("profileUrl", "{\"userName\": \"b\", \"profileUrl\": \"%s\"}"),
                Arguments.of("department", "{\"userName\": \"b\", \"" + ENTERPRISE + "\": {\"department\": \"%s\"}}"),
                Arguments.of("manager", "{\"userName\": \"b\", \"" + ENTERPRISE + "\": {\"manager\": \"%s\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherStrings")
    void limitsEveryOtherStringTo65536Characters(String attribute, String template) {
        assertThat(users.normalize(json(template.formatted("x".repeat(65_536))))).isNotNull();
        assertInvalidValue(() -> users.normalize(json(template.formatted("x".repeat(65_537)))));
    }

    @Test
    void limitsMemberValuesTo65536Characters() {
        assertInvalidValue(() -> groups.normalize(json(
                "{\"displayName\": \"G\", \"members\": [{\"value\": \"" + "u".repeat(65_537) + "\"}]}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"userName\": null}", "{\"userName\": \"\"}", "{\"userName\": \"   \"}",
            "{\"name\": {\"givenName\": \"Babs\"}}", "{\"id\": \"1\", \"meta\": {}}"})
    void requiresAUserName(String input) {
        assertInvalidValue(() -> users.normalize(json(input)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"displayName\": null}", "{\"displayName\": \"\"}",
            "{\"members\": [{\"value\": \"u1\"}]}"})
    void requiresAGroupDisplayName(String input) {
        assertInvalidValue(() -> groups.normalize(json(input)));
    }

    @Test
    void ignoresAttributesOfTheOtherResourceType() {
        JsonObject normalized = groups.normalize(json("""
                {"displayName": "G", "userName": "b", "emails": [{"value": "a@b"}],
                 "%s": {"employeeNumber": "1"}}
                """.formatted(ENTERPRISE)));

        assertThat(normalized).isEqualTo(json("{\"displayName\": \"G\"}"));
    }

    // --- replacing a stored resource: immutable attributes (RFC 7643 §2.2, RFC 7644 §3.5.1) ------------------

    /** A resource type with an immutable attribute and an immutable sub-attribute (the core schemas have none). */
    private static final ResourceType BADGES = new ResourceType("Badge", "/Badges", "Badge",
            new Schema("urn:example:scim:schemas:Badge", "Badge", "Badge", List.of(
                    Attribute.string("displayName", "Name").asRequired(),
                    Attribute.string("serial", "Serial number").with(Mutability.IMMUTABLE),
                    Attribute.complex("issuer", "Issuer",
                            Attribute.string("value", "Issuer id").with(Mutability.IMMUTABLE),
                            Attribute.string("display", "Issuer name")))),
            List.of());

    private final ResourceValidator badges = new ResourceValidator(BADGES);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"displayName\": \"B\", \"serial\": \"S-2\", \"issuer\": {\"value\": \"i1\"}}",
            "{\"displayName\": \"B\", \"issuer\": {\"value\": \"i1\"}}",
            "{\"displayName\": \"B\", \"serial\": \"S-1\", \"issuer\": {\"value\": \"i2\"}}",
            "{\"displayName\": \"B\", \"serial\": \"S-1\", \"issuer\": {\"display\": \"Issuer\"}}",
            "{\"displayName\": \"B\", \"serial\": \"S-1\"}"})
    void refusesToChangeOrRemoveAnImmutableValue(String replacement) {
        JsonObject stored = json("{\"displayName\": \"A\", \"serial\": \"S-1\", \"issuer\": {\"value\": \"i1\"}}");

        assertThatThrownBy(() -> badges.normalize(stored, json(replacement)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).as(e.detail()).isEqualTo(ScimType.MUTABILITY);
                    assertThat(e.detail()).contains("immutable");
                });
    }

    @Test
    void letsAnImmutableValueBeSetWhileItHasNoneAndKeptAsItIs() {
        JsonObject unset = json("{\"displayName\": \"A\", \"issuer\": {\"display\": \"Issuer\"}}");
        JsonObject set = json("{\"displayName\": \"B\", \"serial\": \"S-1\", \"issuer\": {\"value\": \"i1\", "
                + "\"display\": \"Issuer\"}}");

        assertThat(badges.normalize(unset, set)).isEqualTo(set);
        assertThat(badges.normalize(set, json("{\"displayName\": \"C\", \"serial\": \"s-1\", "
                + "\"issuer\": {\"value\": \"I1\"}}"))).as("not case-exact: the same value in another case")
                .containsEntry("displayName", Json.createValue("C"));
    }

    private static void assertInvalidValue(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.scimType()).as(e.detail()).isEqualTo(ScimType.INVALID_VALUE);
            assertThat(e.detail()).isNotBlank();
        });
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
