package io.roster.admin.boundary;

import static io.roster.testing.Eventually.eventually;
import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.Deployments;
import io.roster.testing.Reply;
import io.roster.testing.ScimHttp;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin API as an operator uses it, and what it does to SCIM clients: service accounts and their tokens
 * (Bearer, Okta's raw header and Basic modes, rotation, revocation, expiry, deletion), scopes, rate limits and
 * the provisioning log. The administrator's password comes from arquillian.xml (roster.admin.password).
 */
@ExtendWith(ArquillianExtension.class)
class AdminApiIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.roster();
    }

    @ArquillianResource
    URL url;

    ScimHttp http;

    @BeforeEach
    void client() {
        http = new ScimHttp(url);
    }

    @Test
    void adminApiNeedsAnAdministrator() {
        for (Reply denied : List.of(
                admin("GET", "/realms", null, null),
                admin("GET", "/realms", null, basic("admin", "wrong-password-123")),
                admin("GET", "/realms", null, basic("nobody", ADMIN_PASSWORD)),
                admin("GET", "/realms", null, "Bearer " + ScimHttp.TOKEN),
                admin("POST", "/realms/default/service-accounts", "{\"name\":\"x\",\"scopes\":[\"scim:read\"]}",
                        basic("admin", "wrong-password-123")))) {
            JsonObject error = assertAdminError(denied, 401);
            assertThat(denied.header("WWW-Authenticate")).isEqualTo("Basic realm=\"roster-admin\"");
            assertThat(error.toString()).doesNotContain("wrong-password-123").doesNotContain(ScimHttp.TOKEN);
        }
        Reply scimWithAdmin = http.request("GET", "/Users").header("Authorization", basic("admin", ADMIN_PASSWORD))
                .send();
        assertError(scimWithAdmin, 401, null);

        JsonObject failures = assertAdminOk(admin("GET", "/auth-failures"), 200);
        assertThat(failures.getJsonNumber("total").longValue()).isGreaterThanOrEqualTo(4);
        assertThat(failures.getJsonArray("sources").getJsonObject(0).getString("source")).isEqualTo("127.0.0.1");
        assertThat(failures.toString()).doesNotContain("wrong-password-123");
    }

    @Test
    void realmsAreCreatedListedAndValidated() {
        JsonObject realms = assertAdminOk(admin("GET", "/realms"), 200);
        JsonObject first = realms.getJsonArray("realms").getJsonObject(0);
        assertThat(first.getString("name")).as("the default realm comes first").isEqualTo("default");
        assertThat(first.getString("scimBaseUrl")).isEqualTo(http.scim());
        assertThat(assertAdminOk(admin("GET", "/realms/default"), 200).getString("scimBaseUrl"))
                .isEqualTo(http.scim());

        String name = "acme-" + unique();
        assertAdminError(admin("GET", "/realms/" + name), 404);
        Reply created = admin("POST", "/realms", "{\"name\":\"" + name + "\"}");
        JsonObject realm = assertAdminOk(created, 201);
        assertThat(realm.getString("name")).isEqualTo(name);
        assertThat(realm.getString("scimBaseUrl")).isEqualTo(http.root() + "/realms/" + name + "/scim/v2");
        assertThat(realm.getInt("serviceAccounts")).isZero();
        assertThat(created.header("Location")).endsWith("/api/admin/realms/" + name);
        assertThat(assertAdminOk(admin("GET", "/realms"), 200).getJsonArray("realms"))
                .extracting(r -> r.asJsonObject().getString("name")).contains("default", name);
        assertThat(assertAdminOk(admin("GET", "/realms/" + name), 200).getString("name")).isEqualTo(name);

        assertThat(assertAdminError(admin("POST", "/realms", "{\"name\":\"" + name + "\"}"), 409).getString("error"))
                .contains("already exists");
        for (String bad : List.of("{\"name\":\"Acme\"}", "{\"name\":\"a b\"}", "{\"name\":\"-x\"}", "{\"name\":42}",
                "{}", "{\"name\":\"" + "a".repeat(64) + "\"}", "not json")) {
            assertAdminError(admin("POST", "/realms", bad), 400);
        }
        assertAdminError(admin("DELETE", "/realms/default"), 409);
        assertAdminError(admin("DELETE", "/realms/nothing-" + unique()), 404);
        assertAdminError(admin("GET", "/realms/acme-missing/service-accounts"), 404);
        assertAdminError(admin("GET", "/nothing-here"), 404);
        assertAdminError(admin("PUT", "/realms"), 405);
        assertThat(admin("DELETE", "/realms/" + name).status()).isEqualTo(204);
    }

    /**
     * Two realms are two directories: the same userName in both, each token only at its own realm's SCIM root
     * (401 elsewhere, exactly as for a wrong token, so nothing tells whether the realm exists), no resource of
     * one visible or usable from the other, and every location naming the realm's own root.
     */
    @Test
    void realmsAreIsolated() {
        String name = "iso-" + unique();
        assertAdminOk(admin("POST", "/realms", "{\"name\":\"" + name + "\"}"), 201);
        String root = http.root() + "/realms/" + name + "/scim/v2";
        String token = assertAdminOk(admin("POST", "/realms/" + name + "/service-accounts",
                "{\"name\":\"okta\",\"scopes\":[\"scim:read\",\"scim:write\"]}"), 201).getString("token");
        String bearer = "Bearer " + token;
        String userName = "same." + unique() + "@example.com";
        String email = "mail." + unique() + "@work.example";

        Reply inRealm = http.request("POST", root + "/Users").header("Authorization", bearer)
                .body(userWithWorkEmail(userName, email)).send();
        JsonObject realmUser = assertOk(inRealm, 201);
        assertThat(inRealm.header("Location")).isEqualTo(root + "/Users/" + realmUser.getString("id"));
        assertThat(realmUser.getJsonObject("meta").getString("location")).isEqualTo(inRealm.header("Location"));
        JsonObject defaultUser = assertOk(http.post("/Users", userWithWorkEmail(userName, email)), 201);
        assertThat(defaultUser.getString("id")).isNotEqualTo(realmUser.getString("id"));
        // value filters keep to the realm in every form: alone, in both branches of an or, in one side of an and,
        // and negated (the realm has one user; the default realm's twin must never appear)
        for (String filter : List.of("emails[type eq \"work\"].value eq \"" + email + "\"",
                "emails.value eq \"" + email + "\"", "emails.value eq \"" + email + "\" or emails.type eq \"home\"",
                "emails.value eq \"" + email + "\" or userName eq \"" + userName + "\"",
                "emails.value pr and userName eq \"" + userName + "\"", "not (emails.value eq \"x@y.example\")",
                "emails.value ne \"x@y.example\"", "emails.value pr")) {
            JsonObject realmList = assertOk(http.request("GET", root + "/Users?filter=" + encode(filter))
                    .header("Authorization", bearer).send(), 200);
            assertThat(realmList.getInt("totalResults")).as(filter).isEqualTo(1);
            assertThat(realmList.getJsonArray("Resources").getJsonObject(0).getString("id")).as(filter)
                    .isEqualTo(realmUser.getString("id"));
        }
        JsonObject defaultList = assertOk(http.get("/Users?filter=" + encode("emails[type eq \"work\"].value eq \""
                + email + "\"")), 200);
        assertThat(defaultList.getJsonArray("Resources")).singleElement()
                .satisfies(u -> assertThat(u.asJsonObject().getString("id")).isEqualTo(defaultUser.getString("id")));

        JsonObject found = assertOk(http.request("GET", root + "/Users?filter=" + encode("userName eq \"" + userName
                + "\"")).header("Authorization", bearer).send(), 200);
        assertThat(found.getInt("totalResults")).isEqualTo(1);
        assertThat(found.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(realmUser.getString("id"));
        assertError(http.request("GET", root + "/Users/" + defaultUser.getString("id")).header("Authorization", bearer)
                .send(), 404, null);
        assertError(http.get("/Users/" + realmUser.getString("id")), 404, null);
        assertError(http.request("POST", root + "/Groups").header("Authorization", bearer).body("{\"displayName\": \"G\", "
                + "\"members\": [{\"value\": \"" + defaultUser.getString("id") + "\"}]}").send(), 400, "invalidValue");
        JsonObject group = assertOk(http.request("POST", root + "/Groups").header("Authorization", bearer)
                .body("{\"displayName\": \"G\", \"members\": [{\"value\": \"" + realmUser.getString("id") + "\"}]}")
                .send(), 201);
        assertThat(group.getJsonObject("meta").getString("location")).startsWith(root + "/Groups/");
        assertThat(group.getJsonArray("members").getJsonObject(0).getString("$ref"))
                .isEqualTo(root + "/Users/" + realmUser.getString("id"));
        assertThat(assertOk(http.get("/Users/" + defaultUser.getString("id")), 200).containsKey("groups")).isFalse();
        JsonObject config = assertOk(http.request("GET", root + "/ServiceProviderConfig").header("Authorization", bearer)
                .send(), 200);
        assertThat(config.getJsonObject("meta").getString("location")).isEqualTo(root + "/ServiceProviderConfig");

        Reply wrongRealm = http.request("GET", "/Users?count=1").header("Authorization", bearer).send();
        Reply unknownRealm = http.request("GET", http.root() + "/realms/none-" + unique() + "/scim/v2/Users")
                .header("Authorization", "Bearer " + ScimHttp.TOKEN).send();
        Reply otherRealm = http.request("GET", root + "/Users").header("Authorization", "Bearer " + ScimHttp.TOKEN).send();
        for (Reply refused : List.of(wrongRealm, unknownRealm, otherRealm)) {
            assertThat(assertError(refused, 401, null).getString("detail")).isEqualTo(assertError(
                    http.request("GET", "/Users").header("Authorization", "Bearer not-a-token").send(), 401, null)
                    .getString("detail"));
        }
        assertThat(http.request("GET", root + "/Users").send().status()).as("anonymous").isEqualTo(401);
        assertThat(http.request("GET", http.root() + "/realms/" + name + "/other").header("Authorization", bearer).send()
                .status()).as("no SCIM root: no token is valid there").isEqualTo(401);

        JsonArray log = eventually(() -> entriesOf("/realms/" + name + "/log?resourceType=User"), e -> !e.isEmpty());
        assertThat(log).allSatisfy(entry -> assertThat(entry.asJsonObject().getString("realm")).isEqualTo(name));
        assertThat(eventually(() -> entriesOf("/realms/default/log?resourceId=" + realmUser.getString("id")),
                        e -> !e.isEmpty()))
                .as("the default realm's log has only its own failed lookup of the other realm's user")
                .singleElement().satisfies(entry -> assertThat(entry.asJsonObject().getInt("status")).isEqualTo(404));
        assertThat(admin("DELETE", "/realms/" + name).status()).isEqualTo(204);
    }

    /**
     * Deleting a realm refuses its tokens at once, and its users, groups, memberships and log are purged in the
     * background in bounded batches (roster.realms.purge-batch-size is 20 in the tests); the name can then be
     * used again for an empty realm.
     */
    @Test
    void deletingARealmStopsItAtOnceAndPurgesItsData() {
        String name = "gone-" + unique();
        assertAdminOk(admin("POST", "/realms", "{\"name\":\"" + name + "\"}"), 201);
        String root = http.root() + "/realms/" + name + "/scim/v2";
        String bearer = "Bearer " + assertAdminOk(admin("POST", "/realms/" + name + "/service-accounts",
                "{\"name\":\"okta\",\"scopes\":[\"scim:read\",\"scim:write\"]}"), 201).getString("token");
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            String id = assertOk(http.request("POST", root + "/Users").header("Authorization", bearer)
                    .body("{\"userName\":\"u" + i + "@gone.example\",\"emails\":[{\"value\":\"u" + i
                            + "@gone.example\",\"type\":\"work\"}]}").send(), 201).getString("id");
            members.append(i == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        assertOk(http.request("POST", root + "/Groups").header("Authorization", bearer)
                .body("{\"displayName\":\"Everyone\",\"members\":[" + members + "]}").send(), 201);
        eventually(() -> entriesOf("/realms/" + name + "/log?limit=100"), e -> e.size() >= 46);

        assertThat(admin("DELETE", "/realms/" + name).status()).isEqualTo(204);
        assertThat(http.request("GET", root + "/Users").header("Authorization", bearer).send().status()).isEqualTo(401);
        assertAdminError(admin("GET", "/realms/" + name), 404);
        assertAdminError(admin("GET", "/realms/" + name + "/log"), 404);
        assertAdminError(admin("DELETE", "/realms/" + name), 404);

        eventually(() -> admin("POST", "/realms", "{\"name\":\"" + name + "\"}"), reply -> reply.status() == 201);
        String again = "Bearer " + assertAdminOk(admin("POST", "/realms/" + name + "/service-accounts",
                "{\"name\":\"okta\",\"scopes\":[\"scim:read\",\"scim:write\"]}"), 201).getString("token");
        assertThat(assertOk(http.request("GET", root + "/Users").header("Authorization", again).send(), 200)
                .getInt("totalResults")).as("the new realm starts empty").isZero();
        assertThat(assertOk(http.request("GET", root + "/Groups").header("Authorization", again).send(), 200)
                .getInt("totalResults")).isZero();
        assertThat(entriesOf("/realms/" + name + "/log?resourceType=Group&method=POST")).as("the old realm's log").isEmpty();
        assertOk(http.request("POST", root + "/Users").header("Authorization", again)
                .body("{\"userName\":\"u0@gone.example\"}").send(), 201);
        assertThat(admin("DELETE", "/realms/" + name).status()).isEqualTo(204);
    }

    /**
     * Okta Identity Governance's discovery (/ResourceTypes → /Schemas → each Role and Entitlement endpoint, paged
     * as its test pages them) over a realm's catalog, and users carrying catalog values: the default role on
     * create, roles and entitlements assigned by PUT (Okta's way) and PATCH, unknown values refused, and imports
     * showing them.
     */
    @Test
    void rolesAndEntitlementsAsOktaGovernanceUsesThem() {
        String name = "gov-" + unique();
        assertAdminOk(admin("POST", "/realms", "{\"name\":\"" + name + "\"}"), 201);
        String root = http.root() + "/realms/" + name + "/scim/v2";
        String bearer = "Bearer " + assertAdminOk(admin("POST", "/realms/" + name + "/service-accounts",
                "{\"name\":\"okta\",\"scopes\":[\"scim:read\",\"scim:write\"]}"), 201).getString("token");
        String catalog = "/realms/" + name;
        assertAdminOk(admin("PUT", catalog + "/roles/admin", "{\"displayName\":\"Administrator\",\"description\":\"All\"}"), 200);
        assertAdminOk(admin("PUT", catalog + "/roles/member", "{\"displayName\":\"Member\",\"default\":true}"), 200);
        assertAdminOk(admin("PUT", catalog + "/entitlements/License/pro", "{\"displayName\":\"Pro\"}"), 200);
        assertAdminOk(admin("PUT", catalog + "/entitlements/License/basic", "{\"displayName\":\"Basic\"}"), 200);
        assertAdminOk(admin("PUT", catalog + "/entitlements/Profile/p1", "{\"displayName\":\"Profile one\"}"), 200);
        assertAdminError(admin("PUT", catalog + "/roles/bad%20id", "{\"displayName\":\"x\"}"), 400);
        assertAdminError(admin("PUT", catalog + "/roles/x", "{}"), 400);
        assertAdminError(admin("PUT", catalog + "/entitlements/1x/y", "{\"displayName\":\"x\"}"), 400);
        assertThat(assertAdminOk(admin("GET", catalog + "/roles"), 200).getJsonArray("roles"))
                .extracting(r -> r.asJsonObject().getString("id") + "=" + r.asJsonObject().getBoolean("default"))
                .containsExactly("admin=false", "member=true");

        JsonArray types = assertOk(scim(bearer, "GET", root + "/ResourceTypes", null), 200).getJsonArray("Resources");
        assertThat(types).extracting(t -> t.asJsonObject().getString("name") + " " + t.asJsonObject().getString("schema")
                + " " + t.asJsonObject().getString("endpoint")).contains(
                "Role urn:okta:scim:schemas:core:1.0:Role /Roles",
                "License urn:okta:scim:schemas:core:1.0:Entitlement /Entitlements/License",
                "Profile urn:okta:scim:schemas:core:1.0:Entitlement /Entitlements/Profile");
        assertThat(assertOk(scim(bearer, "GET", root + "/Schemas", null), 200).getJsonArray("Resources"))
                .extracting(s -> s.asJsonObject().getString("id"))
                .contains("urn:okta:scim:schemas:core:1.0:Role", "urn:okta:scim:schemas:core:1.0:Entitlement");
        for (JsonValue type : types) {
            String schema = type.asJsonObject().getString("schema");
            if (!schema.startsWith("urn:okta:")) {
                continue;
            }
            JsonObject one = assertOk(scim(bearer, "GET", root + type.asJsonObject().getString("endpoint")
                    + "?count=1&startIndex=1", null), 200);
            assertThat(one.getInt("itemsPerPage")).isEqualTo(1);
            assertThat(one.getInt("startIndex")).isEqualTo(1);
            assertThat(one.getJsonArray("Resources")).hasSize(1);
            assertThat(one.getJsonArray("Resources").getJsonObject(0).getJsonArray("schemas").getString(0))
                    .isEqualTo(schema);
        }
        JsonObject roles = assertOk(scim(bearer, "GET", root + "/Roles?startIndex=1&count=100", null), 200);
        assertThat(roles.getInt("totalResults")).isEqualTo(2);
        assertThat(roles.getJsonArray("Resources").getJsonObject(0).getString("displayName")).isEqualTo("Administrator");
        JsonObject licenses = assertOk(scim(bearer, "GET", root + "/Entitlements/License?startIndex=2&count=10", null), 200);
        assertThat(licenses.getJsonArray("Resources").getJsonObject(0).getString("type")).isEqualTo("License");
        assertError(scim(bearer, "GET", root + "/Roles?filter=" + encode("id eq \"admin\""), null), 400, "invalidFilter");

        JsonObject created = assertOk(scim(bearer, "POST", root + "/Users", user("gov." + unique() + "@example.com")), 201);
        assertThat(created.getJsonArray("roles")).as("the default role").singleElement()
                .satisfies(r -> assertThat(r.asJsonObject().getString("value")).isEqualTo("member"))
                .satisfies(r -> assertThat(r.asJsonObject().getString("display")).isEqualTo("Member"));
        String id = created.getString("id");
        String userName = created.getString("userName");
        String put = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"roles\":[{\"value\":\"admin\"}],"
                + "\"entitlements\":[{\"value\":\"pro\",\"type\":\"License\"},{\"value\":\"p1\"}]}";
        JsonObject replaced = assertOk(scim(bearer, "PUT", root + "/Users/" + id, put), 200);
        assertThat(replaced.getJsonArray("roles").getJsonObject(0).getString("display")).isEqualTo("Administrator");
        assertThat(replaced.getJsonArray("entitlements")).extracting(e -> e.asJsonObject().getString("type") + "/"
                + e.asJsonObject().getString("value") + "/" + e.asJsonObject().getString("display"))
                .containsExactly("License/pro/Pro", "Profile/p1/Profile one");
        assertError(scim(bearer, "PUT", root + "/Users/" + id, put.replace("\"admin\"", "\"owner\"")), 400, "invalidValue");
        assertError(scim(bearer, "PUT", root + "/Users/" + id, put.replace("\"pro\"", "\"gold\"")), 400, "invalidValue");
        assertError(scim(bearer, "PATCH", root + "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"root\"}]}]}"), 400, "invalidValue");
        assertOk(scim(bearer, "PATCH", root + "/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"add\",\"path\":\"roles\",\"value\":[{\"value\":\"member\"}]}]}"), 200);

        JsonObject imported = assertOk(scim(bearer, "GET", root + "/Users?startIndex=1&count=100", null), 200)
                .getJsonArray("Resources").getJsonObject(0);
        assertThat(imported.getJsonArray("roles")).extracting(r -> r.asJsonObject().getString("value"))
                .containsExactlyInAnyOrder("admin", "member");
        assertThat(imported.getJsonArray("entitlements")).hasSize(2);

        assertThat(admin("DELETE", catalog + "/roles/admin").status()).isEqualTo(204);
        assertAdminError(admin("DELETE", catalog + "/roles/admin"), 404);
        // roles are cached per realm for a second; a change through this instance applies at once
        assertError(scim(bearer, "PUT", root + "/Users/" + id, put), 400, "invalidValue");
        assertAdminOk(admin("PUT", catalog + "/roles/member", "{\"displayName\":\"Member\"}"), 200);
        assertThat(assertOk(scim(bearer, "POST", root + "/Users", user("gov." + unique() + "@example.com")), 201)
                .containsKey("roles")).as("no default role any more").isFalse();
        assertThat(assertOk(scim(bearer, "GET", root + "/Roles", null), 200).getInt("totalResults")).isEqualTo(1);
        assertThat(assertOk(http.get("/ResourceTypes"), 200).getJsonArray("Resources"))
                .as("another realm's catalog is not this realm's")
                .extracting(t -> t.asJsonObject().getString("name")).doesNotContain("License");
        assertThat(admin("DELETE", "/realms/" + name).status()).isEqualTo(204);
    }

    @Test
    void serviceAccountTokensRotateAndStopWorking() throws InterruptedException {
        String name = "okta-" + unique();
        Reply created = admin("POST", accounts(), "{\"name\":\"" + name + "\",\"scopes\":[\"scim:read\",\"scim:write\"]}");
        JsonObject account = assertAdminOk(created, 201);
        String id = account.getString("id");
        String first = account.getString("token");
        assertThat(first).startsWith("rst_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(created.header("Location")).endsWith("/api/admin/realms/default/service-accounts/" + id);
        assertThat(account.getString("name")).isEqualTo(name);
        assertThat(account.getJsonArray("scopes").getValuesAs(JsonValue::toString))
                .containsExactly("\"scim:read\"", "\"scim:write\"");

        assertThat(scimGet("Bearer " + first).status()).as("Bearer").isEqualTo(200);
        assertThat(scimGet(first).status()).as("Okta's raw header mode").isEqualTo(200);
        assertThat(scimGet(basic(name, first)).status()).as("Basic with the account's name").isEqualTo(200);
        assertError(scimGet(basic("bootstrap", first)), 401, null);
        assertError(scimGet(basic(name, first + "x")), 401, null);
        assertThat(assertOk(http.request("POST", "/Users").header("Authorization", basic(name, first))
                .body(user("basic-" + unique())).send(), 201).getString("id")).isNotBlank();

        Reply listing = admin("GET", accounts());
        JsonObject listed = assertAdminOk(listing, 200).getJsonArray("serviceAccounts").stream()
                .map(JsonValue::asJsonObject).filter(a -> a.getString("id").equals(id)).findFirst().orElseThrow();
        assertThat(listed.getJsonArray("tokens")).hasSize(1);
        assertThat(listing.text()).doesNotContain(first);

        JsonObject rotated = assertAdminOk(admin("POST", accounts() + "/" + id + "/tokens", null), 201);
        String second = rotated.getString("token");
        String firstId = listed.getJsonArray("tokens").getJsonObject(0).getString("id");
        assertThat(scimGet("Bearer " + second).status()).isEqualTo(200);
        assertThat(scimGet("Bearer " + first).status()).as("old token works until revoked").isEqualTo(200);

        assertThat(admin("DELETE", accounts() + "/" + id + "/tokens/" + firstId).status()).isEqualTo(204);
        Instant revoked = Instant.now();
        Reply refused = scimGet("Bearer " + first);
        assertThat(Duration.between(revoked, Instant.now())).isLessThan(Duration.ofSeconds(1));
        assertError(refused, 401, null);
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"roster\"");
        assertThat(scimGet("Bearer " + second).status()).isEqualTo(200);

        JsonObject tokens = eventually(() -> assertAdminOk(admin("GET", accounts() + "/" + id), 200),
                a -> a.getJsonArray("tokens").getJsonObject(1).containsKey("lastUsedAt"));
        JsonObject firstToken = tokens.getJsonArray("tokens").getJsonObject(0);
        assertThat(firstToken.getString("revokedAt")).isNotBlank();
        assertThat(firstToken.getBoolean("active")).isFalse();
        assertThat(tokens.getJsonArray("tokens").getJsonObject(1).getBoolean("active")).isTrue();
        assertThat(tokens.toString()).doesNotContain(first).doesNotContain(second);

        assertThat(admin("DELETE", accounts() + "/" + id).status()).isEqualTo(204);
        assertError(scimGet("Bearer " + second), 401, null);
        assertError(scimGet(basic(name, second)), 401, null);
        assertAdminError(admin("GET", accounts() + "/" + id), 404);
        assertAdminError(admin("DELETE", accounts() + "/" + id), 404);
        assertAdminError(admin("POST", accounts() + "/" + id + "/tokens", null), 404);
    }

    @Test
    void readOnlyAccountReadsButCannotWrite() {
        String token = createAccount("reader-" + unique(), "[\"scim:read\"]", "");
        assertOk(http.request("GET", "/Users?count=1").header("Authorization", "Bearer " + token).send(), 200);
        assertOk(http.request("GET", "/ServiceProviderConfig").header("Authorization", "Bearer " + token).send(), 200);
        assertOk(http.request("POST", "/Users/.search").header("Authorization", "Bearer " + token)
                .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"count\":1}").send(), 200);

        String someone = assertOk(http.post("/Users", user("target-" + unique())), 201).getString("id");
        for (Reply denied : List.of(
                http.request("POST", "/Users").header("Authorization", "Bearer " + token).body(user("x" + unique())).send(),
                http.request("PUT", "/Users/" + someone).header("Authorization", "Bearer " + token)
                        .body(user("y" + unique())).send(),
                http.request("PATCH", "/Users/" + someone).header("Authorization", "Bearer " + token)
                        .body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").send(),
                http.request("DELETE", "/Users/" + someone).header("Authorization", "Bearer " + token).send(),
                http.request("POST", "/Groups").header("Authorization", "Bearer " + token)
                        .body("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"g\"}")
                        .send())) {
            JsonObject error = assertError(denied, 403, null);
            assertThat(error.getString("detail")).contains("scim:write");
            assertThat(denied.header("WWW-Authenticate")).contains("insufficient_scope").contains("scim:write");
        }
        assertOk(http.get("/Users/" + someone), 200);

        String writer = createAccount("writer-" + unique(), "[\"scim:write\"]", "");
        assertError(http.request("GET", "/Users").header("Authorization", "Bearer " + writer).send(), 403, null);
        assertError(http.request("GET", "/realms").header("Authorization", "Bearer " + token).send(), 404, null);
    }

    @Test
    void expiredTokensAreRefused() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(4);
        String name = "expiring-" + unique();
        JsonObject account = assertAdminOk(admin("POST", accounts(), "{\"name\":\"" + name
                + "\",\"scopes\":[\"scim:read\"],\"expiresAt\":\"" + expiry + "\"}"), 201);
        String token = account.getString("token");
        Instant stored = Instant.parse(account.getJsonArray("tokens").getJsonObject(0).getString("expiresAt"));
        assertThat(Duration.between(stored, expiry).abs()).isLessThan(Duration.ofMillis(2));
        JsonObject later = assertAdminOk(admin("POST", accounts() + "/" + account.getString("id") + "/tokens",
                "{\"expiresAt\":\"" + expiry.plusSeconds(3600) + "\"}"), 201);
        assertThat(later.getString("expiresAt")).isNotBlank();

        assertThat(scimGet("Bearer " + token).status()).isEqualTo(200);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis()) + 50);
        assertError(scimGet("Bearer " + token), 401, null);
        assertThat(scimGet("Bearer " + later.getString("token")).status()).isEqualTo(200);
    }

    @Test
    void badInputIsA400WithAMessage() {
        for (String body : List.of(
                "{\"scopes\":[\"scim:read\"]}",
                "{\"name\":\"\",\"scopes\":[\"scim:read\"]}",
                "{\"name\":\"has:colon\",\"scopes\":[\"scim:read\"]}",
                "{\"name\":42,\"scopes\":[\"scim:read\"]}",
                "{\"name\":\"x\"}",
                "{\"name\":\"x\",\"scopes\":[]}",
                "{\"name\":\"x\",\"scopes\":[\"scim:admin\"]}",
                "{\"name\":\"x\",\"scopes\":\"scim:read\"}",
                "{\"name\":\"x\",\"scopes\":[\"scim:read\"],\"expiresAt\":\"next tuesday\"}",
                "{\"name\":\"x\",\"scopes\":[\"scim:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                "{\"name\":\"x\",\"scopes\":[\"scim:read\"],\"rateLimit\":{\"perSecond\":0}}",
                "{\"name\":\"x\",\"scopes\":[\"scim:read\"],\"rateLimit\":5}",
                "{\"name\":\"x\",",
                "[1,2]",
                "")) {
            JsonObject error = assertAdminError(admin("POST", accounts(), body), 400);
            assertThat(error.getString("error")).as("message for %s", body).isNotBlank().doesNotContain("Exception");
        }
        String name = "twice-" + unique();
        String id = assertAdminOk(admin("POST", accounts(), "{\"name\":\"" + name + "\",\"scopes\":[\"scim:read\"]}"),
                201).getString("id");
        assertAdminError(admin("POST", accounts(), "{\"name\":\"" + name + "\",\"scopes\":[\"scim:read\"]}"), 409);
        assertAdminError(admin("POST", accounts() + "/" + id + "/tokens", "{\"expiresAt\":\"soon\"}"), 400);
        assertAdminError(admin("GET", accounts() + "/" + UUID.randomUUID()), 404);
        assertAdminError(admin("DELETE", accounts() + "/" + id + "/tokens/" + UUID.randomUUID()), 404);
        assertAdminError(admin("GET", "/realms/default/log?status=teapot"), 400);
        assertAdminError(admin("GET", "/realms/default/log?from=yesterday"), 400);
        assertAdminError(admin("GET", "/realms/default/log?limit=0"), 400);
        assertAdminError(admin("GET", "/realms/default/log?resourceType=Printer"), 400);
        assertAdminError(admin("GET", "/realms/default/log?colour=red"), 400);
        assertAdminError(admin("GET", "/realms/default/log?before=x"), 400);
    }

    @Test
    void provisioningLogRecordsEveryRequestWithoutSecrets() {
        String name = "logged-" + unique();
        String token = createAccount(name, "[\"scim:read\",\"scim:write\"]", "");
        String userName = "log." + unique() + "@example.com";
        String password = "Secret-Pa55-" + unique();
        Reply create = http.request("POST", "/Users").header("Authorization", "Bearer " + token)
                .header("User-Agent", "AdminApiIT/1.0")
                .body("{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"password\":\"" + password
                        + "\",\"active\":true}").send();
        String id = assertOk(create, 201).getString("id");
        assertOk(http.request("GET", "/Users?filter=" + encode("userName eq \"" + userName + "\"")).header("Authorization",
                "Bearer " + token).header("User-Agent", "AdminApiIT/1.0").send(), 200);
        assertOk(http.request("GET", "/Users/" + id).header("Authorization", "Bearer " + token)
                .header("User-Agent", "AdminApiIT/1.0").send(), 200);
        String missing = UUID.randomUUID().toString();
        assertError(http.request("GET", "/Users/" + missing).header("Authorization", "Bearer " + token)
                .header("User-Agent", "AdminApiIT/1.0").send(), 404, null);
        String unauthenticated = UUID.randomUUID().toString();
        assertError(http.request("DELETE", "/Users/" + unauthenticated).header("Authorization", "Bearer not-" + token)
                .header("User-Agent", "AdminApiIT/1.0").send(), 401, null);

        String query = "/realms/default/log?serviceAccount=" + name;
        JsonArray entries = eventually(() -> assertAdminOk(admin("GET", query), 200).getJsonArray("entries"),
                e -> e.size() == 4);
        List<String> methods = entries.stream().map(e -> e.asJsonObject().getString("method")).toList();
        assertThat(methods).as("newest first").containsExactly("GET", "GET", "GET", "POST");
        JsonObject post = entries.getJsonObject(3);
        assertThat(post.getString("serviceAccount")).isEqualTo(name);
        assertThat(post.getString("realm")).isEqualTo("default");
        assertThat(post.getString("path")).isEqualTo("/scim/v2/Users");
        assertThat(post.getString("resourceType")).isEqualTo("User");
        assertThat(post.getString("resourceId")).as("the created user's id").isEqualTo(id);
        assertThat(post.getInt("status")).isEqualTo(201);
        assertThat(post.getString("userAgent")).isEqualTo("AdminApiIT/1.0");
        assertThat(post.getInt("durationMs")).isGreaterThanOrEqualTo(0);
        assertThat(Instant.parse(post.getString("time"))).isBefore(Instant.now().plusSeconds(1));
        JsonObject search = entries.getJsonObject(2);
        assertThat(search.getString("filter")).isEqualTo("userName eq \"…\"");
        assertThat(search.containsKey("resourceId")).isFalse();
        JsonObject notFound = entries.getJsonObject(0);
        assertThat(notFound.getInt("status")).isEqualTo(404);
        assertThat(notFound.getString("resourceId")).isEqualTo(missing);

        JsonArray rejected = eventually(() -> assertAdminOk(admin("GET", "/realms/default/log?resourceId="
                + unauthenticated), 200).getJsonArray("entries"), e -> e.size() == 1);
        assertThat(rejected.getJsonObject(0).getInt("status")).isEqualTo(401);
        assertThat(rejected.getJsonObject(0).getString("method")).isEqualTo("DELETE");
        assertThat(rejected.getJsonObject(0).containsKey("serviceAccount")).isFalse();

        assertThat(entriesOf(query + "&status=4xx")).hasSize(1);
        assertThat(entriesOf(query + "&status=201")).hasSize(1);
        assertThat(entriesOf(query + "&method=post")).hasSize(1);
        assertThat(entriesOf(query + "&resourceType=Users")).hasSize(4);
        assertThat(entriesOf(query + "&resourceType=Group")).isEmpty();
        assertThat(entriesOf(query + "&resourceId=" + id)).hasSize(2);
        assertThat(entriesOf(query + "&from=" + Instant.now().plusSeconds(60))).isEmpty();
        assertThat(entriesOf(query + "&to=" + Instant.now().plusSeconds(60))).hasSize(4);

        JsonObject page = assertAdminOk(admin("GET", query + "&limit=3"), 200);
        assertThat(page.getJsonArray("entries")).hasSize(3);
        String next = page.getString("next");
        JsonObject rest = assertAdminOk(admin("GET", next.substring(next.indexOf("/realms/")), null), 200);
        assertThat(rest.getJsonArray("entries")).hasSize(1);
        assertThat(rest.getJsonArray("entries").getJsonObject(0).getString("method")).isEqualTo("POST");
        assertThat(rest.containsKey("next")).isFalse();

        String everything = admin("GET", "/realms/default/log?limit=1000").text();
        assertThat(everything).doesNotContain(token).doesNotContain(password).doesNotContain(userName)
                .doesNotContain("Bearer").doesNotContain(ScimHttp.TOKEN);
    }

    @Test
    void tokensOverTheirRateLimitGet429() throws InterruptedException {
        String token = createAccount("limited-" + unique(), "[\"scim:read\"]",
                ",\"rateLimit\":{\"perSecond\":1,\"burst\":2}");
        assertThat(scimGet("Bearer " + token).status()).isEqualTo(200);
        assertThat(scimGet("Bearer " + token).status()).isEqualTo(200);
        Reply limited = scimGet("Bearer " + token);
        assertError(limited, 429, null);
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(scimGet("Bearer " + ScimHttp.TOKEN).status()).as("other tokens are not limited").isEqualTo(200);
        Thread.sleep(retryAfter * 1000);
        assertThat(scimGet("Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void metricsCountScimRequestsByRealmAndEndpoint() {
        assertOk(http.get("/Users?count=1"), 200);
        assertError(http.request("GET", "/Groups").header("Authorization", "Bearer wrong").send(), 401, null);
        Reply metrics = http.request("GET", http.root() + "/metrics?scope=application").send();
        assertThat(metrics.status()).isEqualTo(200);
        List<String> lines = metrics.text().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("roster_scim_requests_total{")
                .contains("realm=\"default\"").contains("endpoint=\"User\"").contains("status=\"2xx\""));
        assertThat(lines).as("refused before authentication: no realm from the URL")
                .anySatisfy(line -> assertThat(line).startsWith("roster_scim_requests_total{").contains("realm=\"-\"")
                        .contains("status=\"4xx\""));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("roster_provisioning_log_queue_depth"));
        String slowest = lines.stream().filter(line -> line.startsWith("roster_scim_request_duration_seconds_max{")
                && line.contains("endpoint=\"User\"")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(slowest.substring(slowest.lastIndexOf(' ') + 1)))
                .as("in seconds: %s", slowest).isPositive().isLessThan(30);
    }

    // helpers

    private String accounts() {
        return "/realms/default/service-accounts";
    }

    private String createAccount(String name, String scopes, String more) {
        return assertAdminOk(admin("POST", accounts(), "{\"name\":\"" + name + "\",\"scopes\":" + scopes + more + "}"),
                201).getString("token");
    }

    private JsonArray entriesOf(String query) {
        return assertAdminOk(admin("GET", query), 200).getJsonArray("entries");
    }

    private Reply scimGet(String authorization) {
        return http.request("GET", "/Users?count=1").header("Authorization", authorization).send();
    }

    private Reply scim(String authorization, String method, String url, String body) {
        ScimHttp.Request request = http.request(method, url).header("Authorization", authorization);
        return body == null ? request.send() : request.body(body).send();
    }

    private Reply admin(String method, String path) {
        return admin(method, path, null);
    }

    private Reply admin(String method, String path, String body) {
        return admin(method, path, body, basic("admin", ADMIN_PASSWORD));
    }

    private Reply admin(String method, String path, String body, String authorization) {
        ScimHttp.Request request = http.request(method, http.root() + "/api/admin" + path)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.send();
    }

    private static JsonObject assertAdminOk(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    private static JsonObject assertAdminError(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonObject body = reply.json();
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("error")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String userWithWorkEmail(String userName, String email) {
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\",\"emails\":[{\"value\":\""
                + email + "\",\"type\":\"work\"}]}";
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + userName + "\"}";
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
