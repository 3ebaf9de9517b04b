package io.roster.schema.boundary;

import static io.roster.testing.ScimAssertions.LIST;
import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.OpenApiFile;
import io.roster.testing.Reply;
import io.roster.testing.ScimHttp;
import io.roster.testing.ScimIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Discovery (RFC 7644 §4) tells the truth: what /Schemas describes is what /Users accepts and returns. */
class DiscoveryIT extends ScimIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String ACME = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
    private static final String ACME_GROUP = "urn:ietf:params:scim:schemas:extension:acme:2.0:Group";
    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

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

    /**
     * /openapi is the one description of the API: Jersey's WADL is switched off, and OPTIONS is answered by the
     * Allow header alone, not by a text body labelled application/scim+json.
     */
    @Test
    void noWadlAndOptionsAnswersWithTheAllowedMethods() {
        assertError(http.get("/application.wadl"), 404, null);
        Reply options = http.request("OPTIONS", "/Users").auth().send();
        assertThat(options.status()).as(options.toString()).isEqualTo(204);
        assertThat(options.header("Allow")).contains("GET", "POST");
        assertThat(options.text()).isEmpty();
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


    // --- custom extension schemas, per realm ------------------------------------------------------------------

    /**
     * Activepieces' case: a realm's administrator defines {@code platformRole} (ADMIN/MEMBER/OPERATOR) under the
     * application's own URN; from then on it is discoverable, accepted, returned, filterable, sortable and
     * patchable in that realm, and nothing else is accepted for it.
     */
    @Test
    void aCustomExtensionRoundTripsThroughEveryOperation() {
        Realm realm = newRealm();
        assertAdminError(admin("PUT", realm.admin + "/schemas/" + ACME, "{\"resourceType\":\"User\",\"schema\":"
                + "{\"attributes\":[{\"name\":\"x\",\"type\":\"text\"}]}}"), 400, "has type \"text\"");
        assertAdminError(admin("PUT", realm.admin + "/schemas/" + ACME, "{\"resourceType\":\"Printer\","
                + "\"schema\":{}}"), 400, "resourceType");
        assertAdminError(admin("PUT", realm.admin + "/schemas/" + USER, "{\"resourceType\":\"User\",\"schema\":"
                + "{\"attributes\":[{\"name\":\"x\",\"type\":\"string\"}]}}"), 400, "Roster defines itself");
        String definition = """
                {"resourceType": "User", "schema": {"id": "%s", "name": "AcmeUser", "attributes": [
                  {"name": "platformRole", "type": "string", "canonicalValues": ["ADMIN", "MEMBER", "OPERATOR"]},
                  {"name": "seats", "type": "integer"},
                  {"name": "badge", "type": "string", "uniqueness": "server"},
                  {"name": "apiSecret", "type": "string", "mutability": "writeOnly"}]}}""".formatted(ACME);
        JsonObject created = assertAdminOk(admin("PUT", realm.admin + "/schemas/" + ACME, definition), 201);
        assertThat(created.getString("urn")).isEqualTo(ACME);
        assertThat(created.getJsonObject("schema").getJsonArray("attributes")).hasSize(4);
        assertAdminOk(admin("PUT", realm.admin + "/schemas/" + ACME, definition), 200);
        assertThat(assertAdminOk(admin("GET", realm.admin + "/schemas", null), 200).getJsonArray("schemas"))
                .extracting(e -> e.asJsonObject().getString("urn")).containsExactly(ACME);
        assertAdminError(admin("PUT", realm.admin + "/schemas/" + ACME, definition.replace("\"integer\"", "\"string\"")),
                409, "\"seats\" is a single-valued integer");

        // discovery says what the realm now enforces; the default realm is untouched
        JsonObject schema = assertOk(realm.get("/Schemas/" + ACME), 200);
        assertThat(attribute(schema, "platformRole").getJsonArray("canonicalValues")).hasSize(3);
        assertThat(attribute(schema, "apiSecret").getString("returned")).isEqualTo("never");
        assertThat(assertOk(realm.get("/ResourceTypes/User"), 200).getJsonArray("schemaExtensions"))
                .extracting(e -> e.asJsonObject().getString("schema")).containsExactly(ENTERPRISE, ACME);
        assertThat(assertOk(realm.get("/Schemas"), 200).getInt("totalResults")).isEqualTo(6);
        assertError(http.get("/Schemas/" + ACME), 404, null);

        // POST, GET: stored under the URN and listed in schemas; never-returned values are not
        String alice = realm.createUser("alice", "{\"platformRole\": \"admin\", \"seats\": 5, \"badge\": \"A1\", "
                + "\"apiSecret\": \"s3cret\"}");
        String bob = realm.createUser("bob", "{\"platformRole\": \"MEMBER\", \"seats\": 2}");
        String carol = realm.createUser("carol", "{\"platformRole\": \"OPERATOR\", \"seats\": 9}");
        JsonObject fetched = assertOk(realm.get("/Users/" + alice), 200);
        assertThat(fetched.getJsonArray("schemas").getValuesAs(jakarta.json.JsonString::getString)).contains(ACME);
        assertThat(fetched.getJsonObject(ACME).getString("platformRole")).isEqualTo("ADMIN");
        assertThat(fetched.getJsonObject(ACME).getInt("seats")).isEqualTo(5);
        assertThat(fetched.toString()).doesNotContain("s3cret");
        assertError(realm.send("POST", "/Users", user("dave", "{\"platformRole\": \"OWNER\"}")), 400, "invalidValue");
        assertError(realm.send("POST", "/Users", user("erin", "{\"badge\": \"A1\"}")), 409, "uniqueness");

        // filter and sort in SQL
        assertThat(ids(realm.get("/Users?filter=" + encode(ACME + ":platformRole eq \"ADMIN\"")))).containsExactly(alice);
        assertThat(ids(realm.get("/Users?filter=" + encode(ACME + ":seats gt 2")))).containsExactlyInAnyOrder(alice, carol);
        assertThat(ids(realm.get("/Users?filter=" + encode(ACME + ":seats gt 2 and " + ACME + ":platformRole ne \"ADMIN\""))))
                .containsExactly(carol);
        assertThat(ids(realm.get("/Users?sortBy=" + encode(ACME + ":seats") + "&sortOrder=descending")))
                .containsExactly(carol, alice, bob);
        assertThat(ids(realm.get("/Users?sortBy=" + encode(ACME + ":platformRole")))).containsExactly(alice, bob, carol);
        assertError(realm.get("/Users?filter=" + encode(ACME + ":apiSecret eq \"s3cret\"")), 400, "invalidFilter");
        assertError(realm.get("/Users?filter=" + encode(ACME + ":nothing eq \"x\"")), 400, "invalidFilter");

        // PATCH by URN-qualified path, with and without a path; PUT replaces
        assertOk(realm.send("PATCH", "/Users/" + bob, patch("{\"op\": \"replace\", \"path\": \"" + ACME
                + ":platformRole\", \"value\": \"operator\"}")), 200);
        assertThat(ids(realm.get("/Users?filter=" + encode(ACME + ":platformRole eq \"OPERATOR\""))))
                .containsExactlyInAnyOrder(bob, carol);
        JsonObject patched = assertOk(realm.send("PATCH", "/Users/" + bob, patch("{\"op\": \"replace\", \"value\": {\""
                + ACME + ":seats\": 3}}")), 200);
        assertThat(patched.getJsonObject(ACME).getInt("seats")).isEqualTo(3);
        assertError(realm.send("PATCH", "/Users/" + bob, patch("{\"op\": \"replace\", \"path\": \"" + ACME
                + ":platformRole\", \"value\": \"ROOT\"}")), 400, "invalidValue");
        JsonObject replaced = assertOk(realm.send("PUT", "/Users/" + carol, user("carol",
                "{\"platformRole\": \"MEMBER\", \"seats\": 1}")), 200);
        assertThat(replaced.getJsonObject(ACME).getString("platformRole")).isEqualTo("MEMBER");
        assertError(realm.send("PUT", "/Users/" + carol, user("carol", "{\"platformRole\": \"nobody\"}")), 400,
                "invalidValue");
        assertThat(ids(realm.get("/Users?filter=" + encode(ACME + ":seats le 3")))).containsExactlyInAnyOrder(bob, carol);
        JsonObject projected = assertOk(realm.get("/Users/" + alice + "?attributes=" + encode(ACME + ":seats")), 200);
        assertThat(projected.getJsonObject(ACME).keySet()).containsExactly("seats");

        // attributes under a schema the realm does not know are ignored, never a 500
        JsonObject unknown = assertOk(realm.send("POST", "/Users", """
                {"schemas": ["%s"], "userName": "frank", "urn:example:unknown:2.0:User": {"x": 1}}""".formatted(USER)), 201);
        assertThat(unknown.toString()).doesNotContain("urn:example:unknown");

        // deleted: no longer accepted, shown or searchable
        assertThat(admin("DELETE", realm.admin + "/schemas/" + ACME, null).status()).isEqualTo(204);
        assertAdminError(admin("DELETE", realm.admin + "/schemas/" + ACME, null), 404, "No schema");
        JsonObject after = assertOk(realm.get("/Users/" + alice), 200);
        assertThat(after.containsKey(ACME)).isFalse();
        assertThat(after.getJsonArray("schemas")).hasSize(1);
        assertError(realm.get("/Users?filter=" + encode(ACME + ":seats gt 2")), 400, "invalidFilter");
    }

    @Test
    void groupExtensionsAndRequiredExtensionAttributes() {
        Realm realm = newRealm();
        assertAdminOk(admin("PUT", realm.admin + "/schemas/" + ACME_GROUP, """
                {"resourceType": "group", "schema": {"attributes": [
                  {"name": "costCenter", "type": "string", "required": true},
                  {"name": "budget", "type": "decimal"}]}}"""), 201);
        assertThat(assertOk(realm.get("/ResourceTypes/Group"), 200).getJsonArray("schemaExtensions").getJsonObject(0))
                .as("an extension with a required attribute is required")
                .isEqualTo(Json.createObjectBuilder().add("schema", ACME_GROUP).add("required", true).build());
        assertError(realm.send("POST", "/Groups", "{\"displayName\": \"Sales\"}"), 400, "invalidValue");
        String sales = assertOk(realm.send("POST", "/Groups", """
                {"displayName": "Sales", "%s": {"costCenter": "CC-1", "budget": 10.5}}""".formatted(ACME_GROUP)), 201)
                .getString("id");
        assertOk(realm.send("POST", "/Groups", """
                {"displayName": "Ops", "%s": {"costCenter": "CC-2", "budget": 3}}""".formatted(ACME_GROUP)), 201);
        assertThat(ids(realm.get("/Groups?filter=" + encode(ACME_GROUP + ":costCenter eq \"cc-1\""))))
                .containsExactly(sales);
        assertThat(ids(realm.get("/Groups?filter=" + encode(ACME_GROUP + ":budget gt 5")))).containsExactly(sales);
        assertThat(realm.send("PATCH", "/Groups/" + sales, patch("{\"op\": \"replace\", \"path\": \"" + ACME_GROUP
                + ":budget\", \"value\": 1}")).status()).as("group PATCH answers 204 without attributes").isEqualTo(204);
        assertThat(assertOk(realm.get("/Groups/" + sales), 200).getJsonObject(ACME_GROUP).getInt("budget")).isEqualTo(1);
        assertThat(ids(realm.get("/Groups?filter=" + encode(ACME_GROUP + ":budget gt 5")))).isEmpty();
        assertError(realm.send("PATCH", "/Groups/" + sales, patch("{\"op\": \"remove\", \"path\": \"" + ACME_GROUP
                + ":costCenter\"}")), 400, "invalidValue");
    }

    /** roster.schemas.directory: src/test/it-schemas defines a schema for the realm "configured" at start-up. */
    @Test
    void schemasFromConfigurationAreAppliedAtStartUp() {
        String urn = "urn:ietf:params:scim:schemas:extension:configured:2.0:User";
        JsonObject entry = assertAdminOk(admin("GET", "/realms/configured/schemas/" + urn, null), 200);
        assertThat(entry.getString("resourceType")).isEqualTo("User");
        assertThat(attribute(entry.getJsonObject("schema"), "platformRole").getJsonArray("canonicalValues"))
                .hasSize(3);
    }

    private record Realm(String admin, String root, String bearer, ScimHttp http) {

        Reply get(String path) {
            return send("GET", path, null);
        }

        Reply send(String method, String path, String body) {
            ScimHttp.Request request = http.request(method, root + path).header("Authorization", bearer);
            return body == null ? request.send() : request.body(body).send();
        }

        String createUser(String userName, String acme) {
            return assertOk(send("POST", "/Users", user(userName, acme)), 201).getString("id");
        }
    }

    private Realm newRealm() {
        String name = "schemas-" + UUID.randomUUID().toString().substring(0, 8);
        assertAdminOk(admin("POST", "/realms", "{\"name\":\"" + name + "\"}"), 201);
        String token = assertAdminOk(admin("POST", "/realms/" + name + "/service-accounts",
                "{\"name\":\"okta\",\"scopes\":[\"scim:read\",\"scim:write\"]}"), 201).getString("token");
        return new Realm("/realms/" + name, http.root() + "/realms/" + name + "/scim/v2", "Bearer " + token, http);
    }

    private static String user(String userName, String acme) {
        return """
                {"schemas": ["%s", "%s"], "userName": "%s", "%s": %s}""".formatted(USER, ACME, userName, ACME, acme);
    }

    private static String patch(String operation) {
        return "{\"schemas\": [\"" + PATCH + "\"], \"Operations\": [" + operation + "]}";
    }

    private static List<String> ids(Reply reply) {
        return assertOk(reply, 200).getJsonArray("Resources").stream()
                .map(r -> r.asJsonObject().getString("id")).toList();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private Reply admin(String method, String path, String body) {
        ScimHttp.Request request = http.request(method, http.root() + "/api/admin" + path)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:it-admin-password".getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.send();
    }

    private static JsonObject assertAdminOk(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        return reply.json();
    }

    private static void assertAdminError(Reply reply, int status, String message) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.json().getString("error")).contains(message);
    }

}
