package io.roster.schema.boundary;

import static io.roster.testing.ScimAssertions.LIST;
import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.OpenApiFile;
import io.roster.testing.Reply;
import io.roster.testing.ScimIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Discovery (RFC 7644 §4) tells the truth: what /Schemas describes is what /Users accepts and returns. */
class DiscoveryIT extends ScimIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";





    @Test
    void serviceProviderConfigSaysWhatIsSupported() {
        JsonObject config = assertOk(http.get("/ServiceProviderConfig"), 200);
        assertThat(config.getJsonArray("schemas").getString(0))
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.getJsonObject("patch").getBoolean("supported")).isTrue();
        assertThat(config.getJsonObject("bulk").getBoolean("supported")).isFalse();
        assertThat(config.getJsonObject("filter").getBoolean("supported")).isTrue();
        assertThat(config.getJsonObject("filter").getInt("maxResults")).isEqualTo(1000);
        assertThat(config.getJsonObject("sort").getBoolean("supported")).isTrue();
        assertThat(config.getJsonArray("authenticationSchemes").getJsonObject(0).getString("type"))
                .isEqualTo("oauthbearertoken");
        assertThat(config.getJsonObject("meta").getString("location")).endsWith("/scim/v2/ServiceProviderConfig");

        JsonObject page = assertOk(http.get("/Users?count=5000"), 200);
        assertThat(page.getInt("itemsPerPage")).isLessThanOrEqualTo(1000);
        assertError(http.request("GET", "/ServiceProviderConfig").send(), 401, null);
    }

    @Test
    void resourceTypesAndSchemasAreListedAndFound() {
        JsonObject types = assertOk(http.get("/ResourceTypes?startIndex=1&count=1"), 200);
        assertThat(types.getJsonArray("schemas").getString(0)).isEqualTo(LIST);
        assertThat(types.getInt("totalResults")).as("paging parameters are ignored").isEqualTo(3);
        assertThat(types.getJsonArray("Resources")).extracting(t -> t.asJsonObject().getString("name"))
                .containsExactly("User", "Group", "Role");
        JsonObject user = assertOk(http.get("/ResourceTypes/User"), 200);
        assertThat(user.getString("endpoint")).isEqualTo("/Users");
        assertThat(user.getString("schema")).isEqualTo(USER);
        assertThat(user.getJsonArray("schemaExtensions").getJsonObject(0).getString("schema")).isEqualTo(ENTERPRISE);
        assertThat(assertOk(http.get("/ResourceTypes/Group"), 200).getString("endpoint")).isEqualTo("/Groups");
        assertError(http.get("/ResourceTypes/Printer"), 404, null);

        JsonObject schemas = assertOk(http.get("/Schemas"), 200);
        assertThat(schemas.getInt("totalResults")).isEqualTo(5);
        assertThat(schemas.getJsonArray("Resources")).hasSize(5);
        assertError(http.get("/Schemas?filter=id+eq+%22x%22"), 403, null);
        assertError(http.get("/ResourceTypes?filter=name+eq+%22User%22"), 403, null);
        assertError(http.get("/Schemas/urn:example:nothing"), 404, null);

        JsonObject core = assertOk(http.get("/Schemas/" + USER), 200);
        JsonObject userName = attribute(core, "userName");
        assertThat(userName.getBoolean("required")).isTrue();
        assertThat(userName.getBoolean("caseExact")).isFalse();
        assertThat(userName.getString("uniqueness")).isEqualTo("server");
        JsonObject password = attribute(core, "password");
        assertThat(password.getString("mutability")).isEqualTo("writeOnly");
        assertThat(password.getString("returned")).isEqualTo("never");
        assertThat(attribute(core, "groups").getString("mutability")).isEqualTo("readOnly");
        assertThat(attribute(core, "emails").getBoolean("multiValued")).isTrue();
        assertThat(core.getJsonObject("meta").getString("resourceType")).isEqualTo("Schema");
        assertThat(core.toString()).doesNotContain("null");
    }

    /**
     * GET /openapi (Payara's MicroProfile OpenAPI endpoint) needs no credentials and serves Roster's own document:
     * its title, full paths from the application root, no "/null/" path of the annotation scan. The JSON form is
     * Payara's rendering of its model, so parsing it proves Payara read the YAML file, and nothing of it was lost.
     */
    @Test
    void openApiDocumentIsRostersAndServedWithoutAuthentication() {
        Reply yaml = http.request("GET", http.root() + "/openapi").send();
        assertThat(yaml.status()).as(yaml.toString()).isEqualTo(200);
        assertThat(yaml.text()).contains("title: Roster SCIM 2.0 server", "/scim/v2/Users:", "/api/admin/realms:")
                .doesNotContain("/null/", "Deployed Resources");

        Reply json = http.request("GET", http.root() + "/openapi?format=JSON").send();
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonObject document = json.json();
        assertThat(document.getJsonObject("info").getString("title")).isEqualTo("Roster SCIM 2.0 server");
        assertThat(document.getJsonArray("servers")).extracting(s -> s.asJsonObject().getString("url"))
                .containsExactly("/", "/realms/{realm}");

        OpenApiFile file = OpenApiFile.load();
        JsonObject paths = document.getJsonObject("paths");
        assertThat(paths.keySet()).contains("/scim/v2/Users", "/scim/v2/Users/{id}", "/api/admin/realms")
                .noneMatch(path -> path.contains("null"))
                .isEqualTo(file.operations().keySet());
        file.operations().forEach((path, methods) -> assertThat(paths.getJsonObject(path).keySet())
                .as(path).filteredOn(OpenApiFile.HTTP_METHODS::contains).containsExactlyInAnyOrderElementsOf(methods));
        JsonObject components = document.getJsonObject("components");
        for (String section : List.of("schemas", "responses", "parameters", "headers", "securitySchemes")) {
            assertThat(components.getJsonObject(section).keySet()).as(section)
                    .isEqualTo(file.components(section));
        }
        JsonObject member = components.getJsonObject("schemas").getJsonObject("Member").getJsonObject("properties");
        assertThat(member.keySet()).as("a property named $ref is kept as a property").contains("$ref");
        assertThat(paths.getJsonObject("/api/admin/realms").getJsonArray("servers").getJsonObject(0)
                .getString("url")).as("admin paths are served at the application root only").isEqualTo("/");
    }

    /** Every writable attribute /Schemas lists for users is accepted and returned as described. */
    @Test
    void everyAttributeDescribedIsAcceptedAndReturnedAsDescribed() {
        JsonObject core = assertOk(http.get("/Schemas/" + USER), 200);
        JsonObject enterprise = assertOk(http.get("/Schemas/" + ENTERPRISE), 200);
        JsonObjectBuilder user = Json.createObjectBuilder().add("schemas", Json.createArrayBuilder().add(USER).add(ENTERPRISE));
        fill(user, core);
        JsonObjectBuilder extension = Json.createObjectBuilder();
        fill(extension, enterprise);
        user.add(ENTERPRISE, extension);
        JsonObject sent = user.build();

        JsonObject created = assertOk(http.post("/Users", sent.toString()), 201);
        JsonObject fetched = assertOk(http.get("/Users/" + created.getString("id")), 200);
        for (JsonObject schema : new JsonObject[] {core, enterprise}) {
            JsonObject sentPart = schema == core ? sent : sent.getJsonObject(ENTERPRISE);
            JsonObject gotPart = schema == core ? fetched : fetched.getJsonObject(ENTERPRISE);
            for (JsonValue value : schema.getJsonArray("attributes")) {
                JsonObject attribute = value.asJsonObject();
                String name = attribute.getString("name");
                switch (attribute.getString("returned")) {
                    case "never" -> assertThat(gotPart.containsKey(name)).as(name).isFalse();
                    default -> {
                        if (!attribute.getString("mutability").equals("readOnly")) {
                            assertThat(gotPart.get(name)).as(name).isEqualTo(sentPart.get(name));
                        }
                    }
                }
            }
        }
    }

    private static void fill(JsonObjectBuilder target, JsonObject schema) {
        for (JsonValue value : schema.getJsonArray("attributes")) {
            JsonObject attribute = value.asJsonObject();
            if (attribute.getString("mutability").equals("readOnly")) {
                continue;
            }
            JsonValue sample = sample(attribute);
            if (attribute.getBoolean("multiValued")) {
                target.add(attribute.getString("name"), Json.createArrayBuilder().add(sample));
            } else {
                target.add(attribute.getString("name"), sample);
            }
        }
    }

    private static JsonValue sample(JsonObject attribute) {
        String name = attribute.getString("name");
        return switch (attribute.getString("type")) {
            case "boolean" -> JsonValue.TRUE;
            case "integer", "decimal" -> Json.createValue(7);
            case "dateTime" -> Json.createValue("2024-05-01T10:00:00Z");
            case "reference" -> Json.createValue("https://example.com/" + name);
            case "complex" -> {
                JsonObjectBuilder complex = Json.createObjectBuilder();
                for (JsonValue sub : attribute.getJsonArray("subAttributes")) {
                    JsonObject subAttribute = sub.asJsonObject();
                    if (!subAttribute.getString("mutability").equals("readOnly")) {
                        complex.add(subAttribute.getString("name"), sample(subAttribute));
                    }
                }
                yield complex.build();
            }
            default -> Json.createValue(name.equals("userName") ? "discovered." + UUID.randomUUID() : name + " value");
        };
    }

    private static JsonObject attribute(JsonObject schema, String name) {
        return schema.getJsonArray("attributes").stream().map(JsonValue::asJsonObject)
                .filter(a -> a.getString("name").equals(name)).findFirst().orElseThrow();
    }

}
