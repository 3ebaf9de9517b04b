package io.roster.users.boundary;

import static io.roster.testing.ScimAssertions.LIST;
import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.Reply;
import io.roster.testing.ScimHttp;
import io.roster.testing.ScimIT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Okta's user lifecycle, request by request, as Okta and its Runscope SPEC suite send it (protocol notes §1, §2).
 */
class OktaUsersIT extends ScimIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";





    /** The Runscope SPEC test (Okta-SCIM-20-SPEC-Test.json), its required steps with its exact headers. */
    @Test
    void runscopeSpecSequence() {
        createUser("precondition." + unique() + "@atko.com", "Pre", "Condition");
        // Okta's precondition: the first user listed has a name and an email (other tests may have made it first)
        JsonObject listedFirst = http.get("/Users?count=1&startIndex=1").json().getJsonArray("Resources").getJsonObject(0);
        assertOk(http.patch("/Users/" + listedFirst.getString("id"), patch("{\"op\":\"replace\",\"value\":{"
                + "\"name\":{\"givenName\":\"First\",\"familyName\":\"User\"},"
                + "\"emails\":[{\"value\":\"first.user@atko.com\",\"type\":\"work\",\"primary\":true}]}}")), 200);
        String given = "Runscope" + (100 + (int) (Math.random() * 900));
        String family = "Hfluaklab" + (100 + (int) (Math.random() * 900));
        String email = given + family + "@atko.com";

        Reply step1 = runscopeGet("/Users?count=1&startIndex=1");
        JsonObject list = assertOk(step1, 200);
        assertThat(list.getJsonArray("schemas").getString(0)).isEqualTo(LIST);
        assertThat(list.get("itemsPerPage").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(list.get("startIndex").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(list.get("totalResults").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        JsonObject first = list.getJsonArray("Resources").getJsonObject(0);
        assertThat(first.getString("id")).isNotBlank();
        assertThat(first.getJsonObject("name").getString("familyName")).isNotBlank();
        assertThat(first.getJsonObject("name").getString("givenName")).isNotBlank();
        assertThat(first.getString("userName")).isNotBlank();
        assertThat(first.getBoolean("active")).isTrue();
        assertThat(first.getJsonArray("emails").getJsonObject(0).getString("value")).isNotBlank();
        String isvUserId = first.getString("id");

        JsonObject step2 = assertOk(runscopeGet("/Users/" + isvUserId), 200);
        assertThat(step2.getString("id")).isEqualTo(isvUserId);

        JsonObject step3 = assertOk(runscopeGet("/Users?filter=userName eq \"abcdefgh@atko.com\""), 200);
        assertThat(step3.getInt("totalResults")).isZero();

        assertError(runscopeGet("/Users/010101001010101011001010101011"), 404, null);

        JsonObject step5 = assertOk(runscopeGet("/Users?filter=userName eq \"" + email + "\""), 200);
        assertThat(step5.getInt("totalResults")).isZero();

        String body = "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + email + "\",\"name\":{\"givenName\":\""
                + given + "\",\"familyName\":\"" + family + "\"},\"emails\":[{\"primary\":true,\"value\":\"" + email
                + "\",\"type\":\"work\"}],\"displayName\":\"" + given + " " + family + "\",\"active\":true}";
        Reply step6 = http.request("POST", "/Users").auth()
                .header("Content-Type", "application/json")
                .header("Accept", "application/scim+json; charset=utf-8")
                .body(body).send();
        JsonObject created = assertOk(step6, 201);
        assertThat(created.getBoolean("active")).isTrue();
        assertThat(created.getString("id")).isNotBlank();
        assertThat(created.getJsonObject("name").getString("familyName")).isEqualTo(family);
        assertThat(created.getJsonObject("name").getString("givenName")).isEqualTo(given);
        assertThat(created.getJsonArray("schemas").getString(0)).isEqualTo(USER);
        assertThat(created.getString("userName")).isEqualTo(email);
        String idUserOne = created.getString("id");

        JsonObject step7 = assertOk(runscopeGet("/Users/" + idUserOne), 200);
        assertThat(step7.getString("userName")).isEqualTo(email);
        assertThat(step7.getJsonObject("name").getString("familyName")).isEqualTo(family);

        Reply step8 = http.request("POST", "/Users").auth()
                .header("Content-Type", "application/json")
                .header("Accept", "application/scim+json; charset=utf-8")
                .body(body).send();
        assertError(step8, 409, "uniqueness");

        JsonObject step9 = assertOk(runscopeGet("/Users?filter=userName eq \"" + email.toUpperCase() + "\""), 200);
        assertThat(step9.getInt("totalResults")).isEqualTo(1);
        assertThat(step9.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(idUserOne);

        Reply step11 = http.request("GET", "/Users?filter=userName eq \"" + email.toUpperCase() + "\"")
                .header("Accept", "application/scim+json").header("Authorization", "non-token").send();
        assertError(step11, 401, null);
        assertThat(step11.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"roster\"");

        assertError(runscopeGet("/Users/00919288221112222"), 404, null);
    }

    private Reply runscopeGet(String path) {
        return http.request("GET", path).auth()
                .header("Accept-Charset", "utf-8")
                .header("Content-Type", "application/scim+json; charset=utf-8")
                .header("Accept", "application/scim+json")
                .header("User-Agent", "OKTA SCIM Integration")
                .send();
    }

    /** Okta's connection test, and every way a credential can be wrong. */
    @Test
    void connectorTestAndAuthentication() {
        JsonObject page = assertOk(http.request("GET", "/Users?startIndex=1&count=2").auth()
                .header("Accept", "application/scim+json").header("User-Agent", "Okta SCIM Client 1.0.0").send(), 200);
        assertThat(page.getJsonArray("Resources").size()).isLessThanOrEqualTo(2);

        assertThat(http.request("GET", "/Users?count=1").header("Authorization", ScimHttp.TOKEN).send().status())
                .as("Okta's HTTP Header mode: the token with no scheme").isEqualTo(200);
        assertThat(http.request("GET", "/Users?count=1").header("Authorization", "bearer " + ScimHttp.TOKEN).send()
                .status()).isEqualTo(200);

        for (Reply denied : List.of(
                http.request("GET", "/Users").send(),
                http.request("GET", "/Users").header("Authorization", "Bearer wrong").send(),
                http.request("GET", "/Users").header("Authorization", "Bearer ").send(),
                http.request("GET", "/Users?access_token=" + ScimHttp.TOKEN).send(),
                http.request("POST", "/Users").header("Authorization", "Bearer nope").body("{}").send(),
                http.request("GET", "/Users/" + UUID.randomUUID()).send())) {
            JsonObject error = assertError(denied, 401, null);
            assertThat(denied.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"roster\"");
            assertThat(error.toString()).doesNotContain(ScimHttp.TOKEN).doesNotContain("wrong");
        }
    }

    /** App Integration Wizard apps: every write is GET + PUT of the whole user (protocol notes §1.0, §1.5–1.7). */
    @Test
    void aiwLifecycleWithGetAndPut() {
        String userName = "aiw." + unique() + "@okta.local";
        JsonObject lookup = assertOk(http.get("/Users?filter=userName eq \"" + userName + "\"&startIndex=1&count=100"), 200);
        assertThat(lookup.getInt("totalResults")).isZero();
        assertThat(lookup.getJsonArray("Resources")).isEmpty();

        JsonObject created = assertOk(http.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName": "%s",
                 "name": {"givenName": "Test", "familyName": "User"},
                 "emails": [{"primary": true, "value": "%s", "type": "work"}],
                 "displayName": "Test User", "locale": "en-US", "externalId": "00ujl29u0le5T6Aj10h7",
                 "groups": [], "password": "1mz050nq", "active": true}""".formatted(userName, userName)), 201);
        String id = created.getString("id");
        assertThat(created.containsKey("password")).isFalse();
        assertThat(created.getString("externalId")).isEqualTo("00ujl29u0le5T6Aj10h7");
        assertThat(created.getString("locale")).isEqualTo("en-US");

        JsonObject current = assertOk(http.get("/Users/" + id), 200);
        // Okta echoes the GET body with its changes, plus groups, password and a meta it may have mangled
        JsonObject profileUpdate = Json.createObjectBuilder(current)
                .add("name", Json.createObjectBuilder().add("givenName", "Another").add("middleName", "Excited")
                        .add("familyName", "User"))
                .add("displayName", "Another User")
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("primary", true)
                        .add("value", userName).add("type", "work").add("display", userName)))
                .add("groups", JsonValue.EMPTY_JSON_ARRAY)
                .add("password", "n3wPassw0rd")
                .add("meta", Json.createObjectBuilder().add("resourceType", "User").add("created", "04-12-2018 00:00:00"))
                .build();
        JsonObject updated = assertOk(http.put("/Users/" + id, profileUpdate.toString()), 200);
        assertThat(updated.getString("id")).isEqualTo(id);
        assertThat(updated.getJsonObject("name").getString("middleName")).isEqualTo("Excited");
        assertThat(updated.getString("displayName")).isEqualTo("Another User");
        assertThat(updated.getJsonArray("emails").getJsonObject(0).getString("display")).isEqualTo(userName);
        assertThat(updated.containsKey("password")).isFalse();
        assertThat(updated.getJsonObject("meta").getString("created")).isEqualTo(current.getJsonObject("meta").getString("created"));

        JsonObject deactivate = Json.createObjectBuilder(assertOk(http.get("/Users/" + id), 200)).add("active", false).build();
        assertThat(assertOk(http.put("/Users/" + id, deactivate.toString()), 200).getBoolean("active")).isFalse();
        assertThat(assertOk(http.get("/Users/" + id), 200).getBoolean("active")).isFalse();
        JsonObject stillFound = assertOk(http.get("/Users?filter=userName eq \"" + userName.toUpperCase() + "\"&startIndex=1&count=100"), 200);
        assertThat(stillFound.getInt("totalResults")).as("inactive users are still found").isEqualTo(1);

        JsonObject reactivate = Json.createObjectBuilder(assertOk(http.get("/Users/" + id), 200)).add("active", true).build();
        JsonObject back = assertOk(http.put("/Users/" + id, reactivate.toString()), 200);
        assertThat(back.getBoolean("active")).isTrue();
        assertThat(back.getString("id")).isEqualTo(id);

        assertError(http.put("/Users/" + UUID.randomUUID(), reactivate.toString()), 404, null);
    }

    /** OIN apps with "Support PATCH for User": path-less replace of active and of the password (§1.6–1.8). */
    @Test
    void oinLifecycleWithPatch() {
        String id = createUser("oin." + unique() + "@okta.local", "Oin", "User").getString("id");

        JsonObject deactivated = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":false}}")), 200);
        assertThat(deactivated.getBoolean("active")).isFalse();
        assertThat(assertOk(http.get("/Users/" + id), 200).getBoolean("active")).isFalse();

        JsonObject reactivated = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"active\":true}}")), 200);
        assertThat(reactivated.getBoolean("active")).isTrue();
        assertThat(reactivated.getString("id")).isEqualTo(id);

        Reply pathless = http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"password\":\"s3cret-Passw0rd\"}}"));
        assertThat(assertOk(pathless, 200).containsKey("password")).isFalse();
        assertThat(pathless.text()).doesNotContain("s3cret-Passw0rd");
        Reply withPath = http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"password\",\"value\":\"0ther-Passw0rd\"}"));
        assertThat(assertOk(withPath, 200).containsKey("password")).isFalse();
        assertThat(http.get("/Users/" + id).text()).doesNotContain("Passw0rd").doesNotContain("password");

        JsonObject profile = assertOk(http.patch("/Users/" + id, patch(
                "{\"op\":\"replace\",\"value\":{\"name\":{\"givenName\":\"Renamed\"},\"title\":\"Engineer\"}}",
                "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"renamed@okta.local\"}",
                "{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"R&D\"}")), 200);
        assertThat(profile.getJsonObject("name").getString("givenName")).isEqualTo("Renamed");
        assertThat(profile.getJsonObject("name").getString("familyName")).as("untouched sub-attribute").isEqualTo("User");
        assertThat(profile.getString("title")).isEqualTo("Engineer");
        assertThat(profile.getJsonArray("emails").getJsonObject(0).getString("value")).isEqualTo("renamed@okta.local");
        assertThat(profile.getJsonObject(ENTERPRISE).getString("department")).isEqualTo("R&D");
        assertThat(profile.getJsonArray("schemas").getValuesAs(JsonValue::toString)).contains("\"" + ENTERPRISE + "\"");

        JsonObject removed = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"remove\",\"path\":\"title\"}")), 200);
        assertThat(removed.containsKey("title")).isFalse();

        JsonObject before = assertOk(http.get("/Users/" + id), 200);
        assertError(http.patch("/Users/" + id, patch(
                "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Half-applied\"}",
                "{\"op\":\"replace\",\"path\":\"nonsense\",\"value\":1}")), 400, "invalidPath");
        JsonObject after = assertOk(http.get("/Users/" + id), 200);
        assertThat(after).as("a PATCH that fails changes nothing").isEqualTo(before);
    }

    /** Okta's import: GET /Users?startIndex=1&count=100, then 101, 201, … until totalResults (§1.2, §0.6). */
    @Test
    void importPagesOf100AreStableAndComplete() {
        String batch = unique();
        for (int i = 0; i < 250; i++) {
            assertThat(http.post("/Users", "{\"userName\":\"import-" + batch + "-" + i + "@okta.local\","
                    + "\"name\":{\"givenName\":\"Import\",\"familyName\":\"N" + i + "\"},\"active\":" + (i % 10 != 0) + "}")
                    .status()).isEqualTo(201);
        }
        int total = assertOk(http.get("/Users?count=0"), 200).getInt("totalResults");
        assertThat(total).isGreaterThanOrEqualTo(250);

        List<String> ids = new ArrayList<>();
        for (int start = 1; start <= total; start += 100) {
            JsonObject page = assertOk(http.get("/Users?startIndex=" + start + "&count=100"), 200);
            assertThat(page.getInt("startIndex")).isEqualTo(start);
            assertThat(page.getInt("totalResults")).isEqualTo(total);
            int expected = Math.min(100, total - start + 1);
            assertThat(page.getInt("itemsPerPage")).isEqualTo(expected);
            assertThat(page.getJsonArray("Resources")).hasSize(expected);
            page.getJsonArray("Resources").forEach(r -> ids.add(r.asJsonObject().getString("id")));
        }
        assertThat(ids).hasSize(total).doesNotHaveDuplicates();

        JsonObject again = assertOk(http.get("/Users?startIndex=101&count=100"), 200);
        assertThat(again.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(ids.get(100));

        JsonObject countZero = assertOk(http.get("/Users?count=0"), 200);
        assertThat(countZero.getJsonArray("Resources")).isEmpty();
        assertThat(countZero.getInt("itemsPerPage")).isZero();
        JsonObject startZero = assertOk(http.get("/Users?startIndex=0&count=1"), 200);
        assertThat(startZero.getInt("startIndex")).isEqualTo(1);
        assertThat(startZero.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(ids.get(0));
        JsonObject negative = assertOk(http.get("/Users?startIndex=-5&count=-1"), 200);
        assertThat(negative.getJsonArray("Resources")).isEmpty();
        JsonObject beyond = assertOk(http.get("/Users?startIndex=" + (total + 10) + "&count=100"), 200);
        assertThat(beyond.getJsonArray("Resources")).isEmpty();
        assertThat(beyond.getInt("totalResults")).isEqualTo(total);
        assertError(http.get("/Users?count=abc"), 400, "invalidValue");
        if (total <= 1000) {
            List<String> inOnePage = new ArrayList<>();
            assertOk(http.get("/Users?count=1000"), 200).getJsonArray("Resources")
                    .forEach(r -> inOnePage.add(r.asJsonObject().getString("id")));
            assertThat(ids).as("pages continued from the previous page's last key, as one page").isEqualTo(inOnePage);
        }

        // a write between pages: the next page is what offset paging gives now (this instance forgets the page
        // ends and counts it keeps on every write), not the continuation of the pages before the write
        assertOk(http.get("/Users?startIndex=1&count=100"), 200);
        assertOk(http.get("/Users?startIndex=101&count=100"), 200);
        assertThat(http.delete("/Users/" + ids.get(5)).status()).isEqualTo(204);
        JsonObject afterDelete = assertOk(http.get("/Users?startIndex=201&count=100"), 200);
        assertThat(afterDelete.getInt("totalResults")).isEqualTo(total - 1);
        assertThat(afterDelete.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(ids.get(201));
    }

    /** userName is unique per realm regardless of case, also when clients race (a database constraint). */
    @Test
    void userNameUniquenessHoldsUnderRacingCreates() throws Exception {
        String base = "Race." + unique() + "@Okta.Local";
        int clients = 30;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < clients; i++) {
            String variant = inCase(base, i);
            pool.submit(() -> {
                start.await();
                replies.add(http.post("/Users", "{\"userName\":\"" + variant + "\"}"));
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(replies).hasSize(clients);
        assertThat(replies.stream().map(Reply::status).distinct()).as("only 201 and 409").containsOnly(201, 409);
        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> assertError(r, 409, "uniqueness"));
        assertThat(assertOk(http.get("/Users?filter=userName eq \"" + base + "\""), 200).getInt("totalResults")).isEqualTo(1);

        String other = createUser("other." + unique() + "@okta.local", "O", "Ther").getString("id");
        assertError(http.patch("/Users/" + other, patch("{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"" + base.toUpperCase() + "\"}")),
                409, "uniqueness");
        JsonObject otherUser = assertOk(http.get("/Users/" + other), 200);
        assertError(http.put("/Users/" + other, Json.createObjectBuilder(otherUser).add("userName", base).build().toString()),
                409, "uniqueness");
    }

    /** Variant {@code i} of a name in mixed case: every character's case flipped by a bit of {@code i}. */
    private static String inCase(String name, int i) {
        StringBuilder variant = new StringBuilder(name.length());
        for (int c = 0; c < name.length(); c++) {
            char ch = name.charAt(c);
            variant.append(((i >> (c % 5)) & 1) == 1 ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
        }
        return variant.toString();
    }

    /** Every attribute of the RFC 7643 User schema and the enterprise extension round-trips exactly. */
    @Test
    void completeUserRoundTripsExactly() {
        String userName = "Full.Schema." + unique() + "@Example.COM";
        JsonObject sent = Json.createReader(new java.io.StringReader("""
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId": "701984",
                 "userName": "%s",
                 "name": {"formatted": "Ms. Barbara J Jensen, III", "familyName": "Jensen", "givenName": "Barbara",
                          "middleName": "Jane", "honorificPrefix": "Ms.", "honorificSuffix": "III"},
                 "displayName": "Babs Jensen", "nickName": "Babs", "profileUrl": "https://login.example.com/bjensen",
                 "emails": [{"value": "bjensen@example.com", "type": "work", "primary": true},
                            {"value": "babs@jensen.org", "type": "home"}],
                 "addresses": [{"type": "work", "streetAddress": "100 Universal City Plaza", "locality": "Hollywood",
                                "region": "CA", "postalCode": "91608", "country": "USA",
                                "formatted": "100 Universal City Plaza\\nHollywood, CA 91608 USA", "primary": true}],
                 "phoneNumbers": [{"value": "+1 (555) 555-5555", "type": "work"}, {"value": "555-555-4444", "type": "mobile"}],
                 "ims": [{"value": "someaimhandle", "type": "aim"}],
                 "photos": [{"value": "https://photos.example.com/profilephoto/72930000000Ccne/F", "type": "photo"}],
                 "userType": "Employee", "title": "Tour Guide", "preferredLanguage": "en-US", "locale": "en-US",
                 "timezone": "America/Los_Angeles", "active": true,
                 "entitlements": [{"value": "lic-1", "display": "Pro", "type": "License"}],
                 "roles": [{"value": "admin", "display": "Administrator", "type": "app", "primary": true}],
                 "x509Certificates": [{"value": "MIIDQzCCAqygAwIBAgICEAAwDQYJKoZIhvcNAQEFBQAwTjELMAkGA1UEBhMCVVMx"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                     "employeeNumber": "701984", "costCenter": "4130", "organization": "Universal Studios",
                     "division": "Theme Park", "department": "Tour Operations",
                     "manager": {"value": "26118915-6090-4610-87e4-49d8ca9f808d"}},
                 "unknownAttribute": "ignored",
                 "urn:example:unknown:1.0:Thing": {"x": 1}}""".formatted(userName))).readObject();
        JsonObject created = assertOk(http.post("/Users", sent.toString()), 201);
        JsonObject fetched = assertOk(http.get("/Users/" + created.getString("id")), 200);
        for (JsonObject user : List.of(created, fetched)) {
            for (String key : sent.keySet()) {
                if (key.equals("unknownAttribute") || key.startsWith("urn:example")) {
                    assertThat(user.containsKey(key)).as(key).isFalse();
                } else {
                    assertThat(user.get(key)).as(key).isEqualTo(sent.get(key));
                }
            }
            JsonObject meta = user.getJsonObject("meta");
            assertThat(meta.getString("resourceType")).isEqualTo("User");
            assertThat(meta.getString("location")).endsWith("/scim/v2/Users/" + user.getString("id"));
            assertThat(meta.getString("version")).startsWith("W/\"");
            assertThat(meta.getString("created")).isNotBlank();
            assertThat(meta.getString("lastModified")).isNotBlank();
        }
        Reply reply = http.post("/Users", Json.createObjectBuilder(sent).add("userName", "loc." + userName).build().toString());
        assertThat(reply.header("Location")).isEqualTo(reply.json().getJsonObject("meta").getString("location"));
        assertThat(reply.header("ETag")).isEqualTo(reply.json().getJsonObject("meta").getString("version"));
    }

    /** The filters Okta (and older Okta docs) use, with every encoding of the query string. */
    @Test
    void lookupsByFilter() {
        String userName = "o'brien+tag." + unique() + "@okta.local";
        JsonObject user = assertOk(http.post("/Users", Json.createObjectBuilder()
                .add("userName", userName).add("externalId", "00uXYZ" + unique())
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", "Work." + userName)
                        .add("type", "work")))
                .build().toString()), 201);
        String id = user.getString("id");
        String encoded = java.net.URLEncoder.encode("userName eq \"" + userName + "\"", java.nio.charset.StandardCharsets.UTF_8);
        for (String query : List.of(
                "/Users?filter=" + encoded + "&startIndex=1&count=100",
                "/Users?filter=" + encoded.replace("+", "%20"),
                "/Users?filter=userName%20Eq%20%22" + java.net.URLEncoder.encode(userName.toUpperCase(), java.nio.charset.StandardCharsets.UTF_8) + "%22",
                "/Users?filter=" + java.net.URLEncoder.encode("externalId eq \"" + user.getString("externalId") + "\"", java.nio.charset.StandardCharsets.UTF_8),
                "/Users?filter=" + java.net.URLEncoder.encode("id eq \"" + id + "\"", java.nio.charset.StandardCharsets.UTF_8),
                "/Users?filter=" + java.net.URLEncoder.encode("emails eq \"work." + userName.toUpperCase() + "\"", java.nio.charset.StandardCharsets.UTF_8),
                "/Users?filter=" + java.net.URLEncoder.encode("emails[type eq \"work\"].value eq \"Work." + userName + "\" and userName eq \"" + userName + "\"", java.nio.charset.StandardCharsets.UTF_8))) {
            JsonObject found = assertOk(http.get(query), 200);
            assertThat(found.getInt("totalResults")).as(query).isEqualTo(1);
            assertThat(found.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(id);
        }
        assertThat(assertOk(http.get("/Users?filter=" + java.net.URLEncoder.encode("externalId eq \"" + user.getString("externalId").toUpperCase() + "\"", java.nio.charset.StandardCharsets.UTF_8)), 200)
                .getInt("totalResults")).as("externalId is case-exact").isZero();
        assertError(http.get("/Users?filter=" + java.net.URLEncoder.encode("userName eq", java.nio.charset.StandardCharsets.UTF_8)), 400, "invalidFilter");
        assertError(http.get("/Users?filter=" + java.net.URLEncoder.encode("password eq \"x\"", java.nio.charset.StandardCharsets.UTF_8)), 400, "invalidFilter");
    }

    /** Wire rules: media types, bodiless requests with a Content-Type, and SCIM errors for everything else. */
    @Test
    void wireRulesAndErrors() {
        String id = createUser("wire." + unique() + "@okta.local", "Wire", "Rules").getString("id");
        assertThat(http.request("GET", "/Users/" + id).auth().header("Content-Type", "text/plain").send().status())
                .as("Content-Type on a GET is ignored").isEqualTo(200);
        assertThat(http.request("GET", "/Users/" + id).auth().header("Accept", "application/json").send().status()).isEqualTo(200);
        assertThat(http.request("GET", "/Users/" + id).auth().header("Accept", "*/*").send().status()).isEqualTo(200);

        assertError(http.request("GET", "/Users/" + id).auth().header("Accept", "text/html").send(), 406, null);
        assertError(http.request("POST", "/Users").auth().header("Content-Type", "text/plain").body("{\"userName\":\"x\"}").send(), 415, null);
        assertError(http.post("/Users", "{\"userName\": "), 400, "invalidSyntax");
        assertError(http.post("/Users", "[1, 2]"), 400, "invalidSyntax");
        assertError(http.post("/Users", ""), 400, "invalidSyntax");
        assertError(http.post("/Users", "{\"userName\": 42}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"userName\": \"t." + unique() + "\", \"active\": \"maybe\"}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"userName\": \"t." + unique() + "\", \"emails\": \"nope\"}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"userName\": \"t." + unique() + "\", \"name\": [1]}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"displayName\": \"no userName\"}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"userName\": \"" + "x".repeat(1025) + "\"}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"userName\": \"t." + unique() + "\", \"title\": \"" + "x".repeat(65_537) + "\"}"), 400, "invalidValue");
        assertError(http.post("/Users", "{\"userName\": \"t." + unique() + "\", \"emails\": [{\"value\":\"a@b\",\"primary\":true},{\"value\":\"c@d\",\"primary\":true}]}"), 400, "invalidValue");
        assertError(http.request("POST", "/Users").auth().expectContinue()
                .body("{\"userName\": \"big\", \"title\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}").send(), 413, null);

        assertError(http.get("/Users/010101001010101011001010101011"), 404, null);
        assertError(http.get("/Users/" + "9".repeat(300)), 404, null);
        assertError(http.get("/NoSuchEndpoint"), 404, null);
        assertError(http.request("GET", http.root() + "/not-scim").send(), 404, null);
        Reply notAllowed = http.request("DELETE", "/Users").auth().send();
        assertError(notAllowed, 405, null);
        assertError(http.patch("/Users/" + id, "{\"Operations\":[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}"), 400, "invalidSyntax");
        assertError(http.patch("/Users/" + id, patch("{\"op\":\"jump\",\"path\":\"title\",\"value\":\"x\"}")), 400, "invalidSyntax");
        assertError(http.patch("/Users/" + id, patch("{\"op\":\"remove\"}")), 400, "noTarget");
        assertError(http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"id\",\"value\":\"other\"}")), 400, "mutability");

        Reply deleted = http.request("DELETE", "/Users/" + id).auth().header("Content-Type", "application/scim+json; charset=utf-8").send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertError(http.get("/Users/" + id), 404, null);
        assertError(http.delete("/Users/" + id), 404, null);
    }

    private JsonObject createUser(String userName, String given, String family) {
        return assertOk(http.post("/Users", Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(USER))
                .add("userName", userName)
                .add("name", Json.createObjectBuilder().add("givenName", given).add("familyName", family))
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("primary", true).add("value", userName).add("type", "work")))
                .add("active", true)
                .build().toString()), 201);
    }

    static String patch(String... operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Set<String> ids(JsonObject list) {
        Set<String> ids = new HashSet<>();
        list.getJsonArray("Resources").forEach(r -> ids.add(r.asJsonObject().getString("id")));
        return ids;
    }
}
