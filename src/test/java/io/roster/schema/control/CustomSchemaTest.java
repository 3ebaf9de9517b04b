package io.roster.schema.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.protocol.entity.ScimException;
import io.roster.protocol.entity.ScimType;
import io.roster.schema.entity.Attribute;
import io.roster.schema.entity.AttributeType;
import io.roster.schema.entity.CoreSchemas;
import io.roster.schema.entity.CustomSchema;
import io.roster.schema.entity.InvalidSchemaDefinition;
import io.roster.schema.entity.Mutability;
import io.roster.schema.entity.ResourceType;
import io.roster.schema.entity.Returned;
import io.roster.schema.entity.Schema;
import io.roster.schema.entity.Uniqueness;
import io.roster.search.control.AttributeIndexer;
import io.roster.search.entity.IndexedValue;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A realm's custom extension schemas: what an administrator's definition may say (SchemaDefinitions), and how the
 * realm's User type built from it validates, projects and indexes resources.
 */
class CustomSchemaTest {

    private static final String ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";

    private static final JsonObject ACME_DEFINITION = json("""
            {"id": "urn:ietf:params:scim:schemas:extension:acme:2.0:User", "name": "AcmeUser",
             "attributes": [
               {"name": "platformRole", "type": "string", "canonicalValues": ["ADMIN", "MEMBER", "OPERATOR"]},
               {"name": "seats", "type": "integer"},
               {"name": "ratio", "type": "decimal"},
               {"name": "trialEnds", "type": "dateTime"},
               {"name": "beta", "type": "boolean"},
               {"name": "badge", "type": "string", "caseExact": true, "uniqueness": "server"},
               {"name": "tags", "type": "string", "multiValued": true, "canonicalValues": ["red", "green"]},
               {"name": "tenantId", "type": "string", "required": true, "mutability": "immutable"},
               {"name": "apiSecret", "type": "string", "mutability": "writeOnly"},
               {"name": "internalNote", "type": "string", "returned": "request"},
               {"name": "always", "type": "string", "returned": "always"},
               {"name": "computed", "type": "string", "mutability": "readOnly"},
               {"name": "homepage", "type": "reference", "referenceTypes": ["external"]},
               {"name": "seat", "type": "complex", "subAttributes": [
                   {"name": "kind", "type": "string", "canonicalValues": ["full", "light"], "required": true},
                   {"name": "since", "type": "dateTime"}]}
             ]}""");

    private static final Schema ACME_SCHEMA = SchemaDefinitions.parse(ACME, ACME_DEFINITION);
    private static final ResourceType USERS = SchemaRegistry.extend(CoreSchemas.USER_TYPE,
            List.of(new CustomSchema("User", ACME_SCHEMA, ACME_DEFINITION, Instant.EPOCH)));
    private final ResourceValidator validator = new ResourceValidator(USERS);

    // --- definitions ------------------------------------------------------------------------------------------

    @Test
    void readsEveryCharacteristicOfTheDefinition() {
        assertThat(ACME_SCHEMA.id()).isEqualTo(ACME);
        assertThat(ACME_SCHEMA.name()).isEqualTo("AcmeUser");
        Attribute role = ACME_SCHEMA.attribute("PLATFORMROLE").orElseThrow();
        assertThat(role.type()).isEqualTo(AttributeType.STRING);
        assertThat(role.canonicalValues()).containsExactly("ADMIN", "MEMBER", "OPERATOR");
        assertThat(role.caseExact()).isFalse();
        assertThat(role.mutability()).isEqualTo(Mutability.READ_WRITE);
        assertThat(role.returned()).isEqualTo(Returned.DEFAULT);
        assertThat(ACME_SCHEMA.attribute("seats").orElseThrow().type()).isEqualTo(AttributeType.INTEGER);
        assertThat(ACME_SCHEMA.attribute("tags").orElseThrow().multiValued()).isTrue();
        assertThat(ACME_SCHEMA.attribute("tenantId").orElseThrow().required()).isTrue();
        assertThat(ACME_SCHEMA.attribute("tenantId").orElseThrow().mutability()).isEqualTo(Mutability.IMMUTABLE);
        assertThat(ACME_SCHEMA.attribute("apiSecret").orElseThrow().returned())
                .as("writeOnly is never returned (RFC 7643 §7)").isEqualTo(Returned.NEVER);
        Attribute badge = ACME_SCHEMA.attribute("badge").orElseThrow();
        assertThat(badge.uniqueness()).isEqualTo(Uniqueness.SERVER);
        assertThat(badge.caseExact()).isTrue();
        assertThat(badge.maxLength()).as("unique values are indexed, so kept short").isEqualTo(Attribute.MAX_INDEXED_STRING);
        assertThat(ACME_SCHEMA.attribute("seat").orElseThrow().subAttribute("kind").orElseThrow().required()).isTrue();
        assertThat(ACME_SCHEMA.attribute("homepage").orElseThrow().referenceTypes()).containsExactly("external");
    }

    @Test
    void theCanonicalDefinitionReadsBackToTheSameSchema() {
        JsonObject canonical = SchemaDefinitions.canonical(ACME_SCHEMA);
        assertThat(canonical.getString("id")).isEqualTo(ACME);
        assertThat(canonical.containsKey("meta")).isFalse();
        assertThat(SchemaDefinitions.parse(ACME, canonical)).isEqualTo(ACME_SCHEMA);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no attributes               | {"attributes": []}                                                              | attributes
            unknown type                | {"attributes": [{"name": "a", "type": "text"}]}                                 | has type "text"
            binary                      | {"attributes": [{"name": "a", "type": "binary"}]}                               | binary
            bad name                    | {"attributes": [{"name": "1a", "type": "string"}]}                              | not valid
            name with dot               | {"attributes": [{"name": "a.b", "type": "string"}]}                             | not valid
            duplicate name              | {"attributes": [{"name": "a", "type": "string"}, {"name": "A", "type": "integer"}]} | defined twice
            complex without subs        | {"attributes": [{"name": "a", "type": "complex"}]}                              | needs "subAttributes"
            nested complex              | {"attributes": [{"name": "a", "type": "complex", "subAttributes": [{"name": "b", "type": "complex", "subAttributes": [{"name": "c", "type": "string"}]}]}]} | cannot be complex
            subs on a string            | {"attributes": [{"name": "a", "type": "string", "subAttributes": [{"name": "b", "type": "string"}]}]} | only complex
            canonical on integer        | {"attributes": [{"name": "a", "type": "integer", "canonicalValues": ["1"]}]}    | only for string
            canonical not strings       | {"attributes": [{"name": "a", "type": "string", "canonicalValues": [1]}]}       | non-empty string
            canonical twice, any case   | {"attributes": [{"name": "a", "type": "string", "canonicalValues": ["X", "x"]}]} | listed twice
            unknown mutability          | {"attributes": [{"name": "a", "type": "string", "mutability": "sometimes"}]}    | mutability
            unknown returned            | {"attributes": [{"name": "a", "type": "string", "returned": "maybe"}]}          | returned
            required and readOnly       | {"attributes": [{"name": "a", "type": "string", "required": true, "mutability": "readOnly"}]} | required and readOnly
            multiValued not a boolean   | {"attributes": [{"name": "a", "type": "string", "multiValued": "yes"}]}        | true or false
            global uniqueness           | {"attributes": [{"name": "a", "type": "string", "uniqueness": "global"}]}       | global
            unique multi-valued         | {"attributes": [{"name": "a", "type": "string", "multiValued": true, "uniqueness": "server"}]} | single-valued
            unique boolean              | {"attributes": [{"name": "a", "type": "boolean", "uniqueness": "server"}]}      | single-valued
            id differs from the URN     | {"id": "urn:x:other", "attributes": [{"name": "a", "type": "string"}]}          | must be the URN
            attributes not an array     | {"attributes": {"name": "a"}}                                                   | must be an array
            """)
    void refusesWhatCannotBeEnforcedAsWritten(String title, String definition, String message) {
        assertThatThrownBy(() -> SchemaDefinitions.parse("urn:x:acme", json(definition)))
                .isInstanceOf(InvalidSchemaDefinition.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource({"not-a-urn", "urn:", "urn:ietf:params:scim:schemas:core:2.0:User",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER", "urn:okta:scim:schemas:core:1.0:Role",
            "urn:x:with/slash"})
    void refusesUrnsThatAreNoneOrRostersOwn(String urn) {
        assertThatThrownBy(() -> SchemaDefinitions.parse(urn, json("{\"attributes\": [{\"name\": \"a\", \"type\": \"string\"}]}")))
                .isInstanceOf(InvalidSchemaDefinition.class);
    }

    @Test
    void aReplacementKeepsTheShapeOfStoredValues() {
        CustomSchema stored = new CustomSchema("User", ACME_SCHEMA, ACME_DEFINITION, Instant.EPOCH);
        Schema added = SchemaDefinitions.parse(ACME, json("""
                {"attributes": [{"name": "seats", "type": "integer", "required": true},
                                {"name": "newOne", "type": "boolean"}]}"""));
        assertThat(SchemaDefinitions.incompatibility(stored, "User", added)).isEmpty();
        Schema retyped = SchemaDefinitions.parse(ACME, json("{\"attributes\": [{\"name\": \"seats\", \"type\": \"string\"}]}"));
        assertThat(SchemaDefinitions.incompatibility(stored, "User", retyped)).get().asString()
                .contains("\"seats\" is a single-valued integer");
        Schema multi = SchemaDefinitions.parse(ACME, json("{\"attributes\": [{\"name\": \"beta\", \"type\": \"boolean\", \"multiValued\": true}]}"));
        assertThat(SchemaDefinitions.incompatibility(stored, "User", multi)).isPresent();
        assertThat(SchemaDefinitions.incompatibility(stored, "Group", added)).get().asString().contains("extends User");
    }

    // --- resources of a realm with the extension ---------------------------------------------------------------

    @Test
    void storesExtensionValuesCanonicallySpelledAndTyped() {
        JsonObject document = validator.normalize(json("""
                {"userName": "bjensen", "urn:ietf:params:scim:schemas:extension:acme:2.0:user": {
                  "PlatformRole": "admin", "seats": 3, "ratio": 0.5, "trialEnds": "2027-01-01T00:00:00Z",
                  "beta": "True", "tags": ["RED", "green"], "tenantId": "t1", "computed": "ignored",
                  "seat": {"kind": "Full"}}}"""));
        JsonObject acme = document.getJsonObject(ACME);
        assertThat(acme.getString("platformRole")).as("a non-caseExact enum keeps its canonical spelling")
                .isEqualTo("ADMIN");
        assertThat(acme.getJsonArray("tags").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("red", "green");
        assertThat(acme.getJsonObject("seat").getString("kind")).isEqualTo("full");
        assertThat(acme.getBoolean("beta")).isTrue();
        assertThat(acme.getInt("seats")).isEqualTo(3);
        assertThat(acme.containsKey("computed")).as("readOnly values are the server's").isFalse();
    }

    @Test
    void rejectsValuesOutsideTheCanonicalOnesAndMissingRequiredOnes() {
        assertInvalid("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"platformRole": "OWNER", "tenantId": "t"}}""",
                "platformRole' is \"OWNER\"; it must be one of [ADMIN, MEMBER, OPERATOR]");
        assertInvalid("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"tags": ["blue"], "tenantId": "t"}}""",
                "tags' is \"blue\"");
        assertInvalid("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"seat": {"kind": "half"}, "tenantId": "t"}}""",
                "seat.kind' is \"half\"");
        assertInvalid("{\"userName\": \"b\"}", ACME + ":tenantId' is required");
        assertInvalid("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"seat": {"since": "2024-01-01T00:00:00Z"}, "tenantId": "t"}}""",
                "seat.kind' is required");
        assertInvalid("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"seats": 2.5, "tenantId": "t"}}""",
                "must be an integer");
        assertInvalid("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"badge": "%s", "tenantId": "t"}}"""
                .formatted("x".repeat(Attribute.MAX_INDEXED_STRING + 1)), "longer than");
    }

    @Test
    void coreCanonicalValuesStaySuggestions() {
        JsonObject document = validator.normalize(json("""
                {"userName": "b", "emails": [{"value": "b@x", "type": "corporate"}],
                 "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"tenantId": "t"}}"""));
        assertThat(document.getJsonArray("emails").getJsonObject(0).getString("type")).isEqualTo("corporate");
    }

    @Test
    void immutableExtensionValuesKeepTheirValue() {
        JsonObject stored = validator.normalize(json("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"tenantId": "t1"}}"""));
        assertThatThrownBy(() -> validator.normalize(stored, json("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {"tenantId": "t2"}}""")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(ScimType.MUTABILITY));
    }

    @Test
    void namesTheSchemasItDoesNotKnow() {
        assertThat(validator.unknownSchemas(json("""
                {"userName": "b", "urn:example:other:2.0:User": {"x": 1}, "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ACME:2.0:USER": {},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {}, "schemas": []}""")))
                .containsExactly("urn:example:other:2.0:User");
    }

    @Test
    void returnedDecidesWhatAResponseShows() {
        JsonObject user = json("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User", "%1$s"], "id": "1", "userName": "b",
                 "%1$s": {"apiSecret": "s3cret", "internalNote": "note", "always": "here", "platformRole": "ADMIN"}}"""
                .formatted(ACME));
        JsonObject plain = Projection.of(null, null, USERS).apply(user).getJsonObject(ACME);
        assertThat(plain.keySet()).containsExactlyInAnyOrder("always", "platformRole");
        JsonObject asked = Projection.of(ACME + ":internalNote,userName", null, USERS).apply(user);
        assertThat(asked.getJsonObject(ACME).keySet()).as("request: only when asked; always: always")
                .containsExactlyInAnyOrder("internalNote", "always");
        JsonObject excluded = Projection.of(null, ACME + ":always," + ACME + ":platformRole", USERS).apply(user);
        assertThat(excluded.getJsonObject(ACME).keySet()).containsExactly("always");
        assertThat(Projection.of(ACME + ":apiSecret", null, USERS).apply(user).getJsonObject(ACME).keySet())
                .as("never is never shown, even when asked").containsExactly("always");
    }

    @Test
    void indexesExtensionValuesUnderTheirUrnQualifiedPath() {
        JsonObject document = validator.normalize(json("""
                {"userName": "b", "urn:ietf:params:scim:schemas:extension:acme:2.0:User": {
                  "platformRole": "MEMBER", "seats": 4, "tenantId": "t", "apiSecret": "s"}}"""));
        List<IndexedValue> values = new AttributeIndexer(USERS, Set.of("username", "active")).index(document);
        String prefix = ACME.toLowerCase() + ":";
        assertThat(values).extracting(IndexedValue::toString)
                .contains(prefix + "platformrole[0]=MEMBER", prefix + "seats[0]=4", prefix + "tenantid[0]=t")
                .noneMatch(v -> v.contains("apisecret"));
    }

    private void assertInvalid(String input, String message) {
        assertThatThrownBy(() -> validator.normalize(json(input)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE);
                    assertThat(e.detail()).contains(message);
                });
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
