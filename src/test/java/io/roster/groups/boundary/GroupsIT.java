package io.roster.groups.boundary;

import static io.roster.testing.ScimAssertions.LIST;
import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.Reply;
import io.roster.testing.ScimIT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Groups as Okta (Group Push, OIN PATCH and AIW GET + PUT flavours) and Microsoft Entra provision them, request
 * by request (protocol notes §1.9, §3.1–3.4), plus membership rules, concurrency and a large group.
 */
class GroupsIT extends ScimIT {

    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";





    /** OIN Group Push with PATCH (§1.9): lookup, create, rename with id, membership PATCHes, delete. */
    @Test
    void oktaGroupPushWithPatch() {
        String u1 = createUser("push1." + unique() + "@okta.local", "Push One");
        String u2 = createUser("push2." + unique() + "@okta.local", null);
        String u3 = createUser("push3." + unique() + "@okta.local", "Push Three");
        String name = "Test SCIMv2 " + unique();

        JsonObject lookup = assertOk(http.get("/Groups?filter=" + encode("displayName eq \"" + name + "\"")
                + "&startIndex=1&count=100"), 200);
        assertThat(lookup.getInt("totalResults")).isZero();
        assertThat(lookup.getJsonArray("Resources")).isEmpty();

        Reply createdReply = http.post("/Groups",
                "{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \"" + name + "\", \"members\": []}");
        JsonObject created = assertOk(createdReply, 201);
        String id = created.getString("id");
        assertThat(created.getJsonArray("schemas").getString(0)).isEqualTo(GROUP);
        assertThat(created.getString("displayName")).isEqualTo(name);
        assertThat(created.getJsonArray("members")).isEmpty();
        JsonObject meta = created.getJsonObject("meta");
        assertThat(meta.getString("resourceType")).isEqualTo("Group");
        assertThat(meta.getString("location")).endsWith("/scim/v2/Groups/" + id);
        assertThat(meta.getString("version")).startsWith("W/\"");
        assertThat(createdReply.header("Location")).isEqualTo(meta.getString("location"));
        assertThat(createdReply.header("ETag")).isEqualTo(meta.getString("version"));

        assertThat(assertOk(http.get("/Groups/" + id), 200)).isEqualTo(created);

        String renamed = name + " renamed";
        Reply rename = http.patch("/Groups/" + id, patch(
                "{\"op\": \"replace\", \"value\": {\"id\": \"" + id + "\", \"displayName\": \"" + renamed + "\"}}"));
        assertThat(rename.status()).as("%s", rename).isEqualTo(204);
        assertThat(rename.text()).isEmpty();
        JsonObject afterRename = assertOk(http.get("/Groups/" + id), 200);
        assertThat(afterRename.getString("displayName")).isEqualTo(renamed);
        assertThat(afterRename.getJsonObject("meta").getString("version")).isNotEqualTo(meta.getString("version"));

        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + u1 + "\", \"display\": \"x\"},"
                        + " {\"value\": \"" + u2 + "\"}]}")));
        JsonObject withTwo = assertOk(http.get("/Groups/" + id), 200);
        assertThat(memberIds(withTwo)).containsExactlyInAnyOrder(u1, u2);
        JsonObject first = member(withTwo, u1);
        assertThat(first.getString("display")).isEqualTo("Push One");
        assertThat(first.getString("$ref")).endsWith("/scim/v2/Users/" + u1);
        assertThat(first.getString("type")).isEqualTo("User");
        assertThat(member(withTwo, u2).getString("display")).as("userName without displayName")
                .startsWith("push2.");

        // Okta sends the rename with every membership change; one request mixes several removes and an add
        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"replace\", \"value\": {\"id\": \"" + id + "\", \"displayName\": \"" + renamed + "\"}}",
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + u1 + "\\\"]\"}",
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"7f0d1b2c-0000-4000-8000-000000000002\\\"]\"}",
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + u3
                        + "\", \"display\": \"test.user@okta.local\"}]}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactlyInAnyOrder(u2, u3);

        JsonObject before = assertOk(http.get("/Groups/" + id), 200);
        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + u1 + "\\\"]\"}")));
        assertThat(assertOk(http.get("/Groups/" + id), 200)).as("removing a non-member changes nothing")
                .isEqualTo(before);

        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"replace\", \"path\": \"members\", \"value\": [{\"value\": \"" + u1 + "\", \"display\": "
                        + "\"test.user@okta.local\"}, {\"value\": \"" + u3 + "\", \"display\": \"other@okta.local\"}]}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactlyInAnyOrder(u1, u3);

        JsonObject asked = assertOk(http.patch("/Groups/" + id + "?excludedAttributes=meta", patch(
                "{\"op\": \"replace\", \"path\": \"members\", \"value\": []}")), 200);
        assertThat(asked.getJsonArray("members")).as("Push Now of an empty group").isEmpty();
        assertThat(asked.containsKey("meta")).isFalse();
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).isEmpty();

        assertDeletedWithContentType(id);
        for (String user : List.of(u1, u2, u3)) {
            assertOk(http.get("/Users/" + user), 200);
        }
    }

    /** App Integration Wizard apps push groups with GET + PUT of the whole group (§1.9, observed sequence). */
    @Test
    void oktaGroupPushWithGetAndPut() {
        String u1 = createUser("aiw1." + unique() + "@okta.local", "Aiw One");
        String u2 = createUser("aiw2." + unique() + "@okta.local", "Aiw Two");
        String name = "AIW Group " + unique();

        assertThat(assertOk(http.get("/Groups?filter=" + encode("displayName eq \"" + name + "\"")
                + "&startIndex=1&count=100"), 200).getInt("totalResults")).isZero();
        String id = assertOk(http.post("/Groups",
                "{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \"" + name + "\", \"members\": []}"), 201)
                .getString("id");
        JsonObject current = assertOk(http.get("/Groups/" + id), 200);

        JsonObject withMembers = Json.createObjectBuilder(current)
                .add("members", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("value", u1).add("display", "aiw1"))
                        .add(Json.createObjectBuilder().add("value", u2).add("display", "aiw2")))
                .build();
        JsonObject put = assertOk(http.put("/Groups/" + id, withMembers.toString()), 200);
        assertThat(put.getString("id")).isEqualTo(id);
        assertThat(memberIds(put)).containsExactlyInAnyOrder(u1, u2);
        assertThat(member(put, u1).getString("display")).isEqualTo("Aiw One");
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactlyInAnyOrder(u1, u2);

        JsonObject onlyU2 = Json.createObjectBuilder(assertOk(http.get("/Groups/" + id), 200))
                .add("members", Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", u2)))
                .build();
        assertThat(memberIds(assertOk(http.put("/Groups/" + id, onlyU2.toString()), 200))).containsExactly(u2);

        JsonObject empty = Json.createObjectBuilder(assertOk(http.get("/Groups/" + id), 200))
                .add("members", JsonValue.EMPTY_JSON_ARRAY).build();
        assertThat(assertOk(http.put("/Groups/" + id, empty.toString()), 200).getJsonArray("members")).isEmpty();
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).isEmpty();

        // older Okta docs create groups with members already in them
        JsonObject prefilled = assertOk(http.post("/Groups", "{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \""
                + name + " prefilled\", \"members\": [{\"value\": \"" + u1 + "\", \"display\": \"aiw1@okta.local\"}]}"), 201);
        assertThat(memberIds(prefilled)).containsExactly(u1);
        assertThat(member(prefilled, u1).getString("display")).isEqualTo("Aiw One");

        assertDeletedWithContentType(id);
        assertDeletedWithContentType(prefilled.getString("id"));
    }

    /** Microsoft Entra's group requests (§3.0–3.4), including the SCIM Validator's group tests. */
    @Test
    void entraGroupProvisioning() {
        String u1 = createUser("entra1." + unique() + "@contoso.com", "Entra One");
        String u2 = createUser("entra2." + unique() + "@contoso.com", "Entra Two");
        String u3 = createUser("entra3." + unique() + "@contoso.com", "Entra Three");
        String name = "Sales " + unique();
        String externalId = UUID.randomUUID().toString();

        JsonObject probe = assertOk(http.get("/Groups?excludedAttributes=members&filter="
                + encode("displayName eq \"" + name + "\"")), 200);
        assertThat(probe.getInt("totalResults")).isZero();

        String body = "{\"schemas\": [\"" + GROUP + "\", \"" + ENTRA_GROUP + "\"], \"externalId\": \"" + externalId
                + "\", \"displayName\": \"" + name + "\", \"meta\": {\"resourceType\": \"Group\"}}";
        JsonObject created = assertOk(http.post("/Groups", body), 201);
        String id = created.getString("id");
        assertThat(created.getString("externalId")).isEqualTo(externalId);
        assertThat(created.getJsonArray("schemas").getValuesAs(JsonValue::toString)).containsExactly("\"" + GROUP + "\"");

        assertError(http.post("/Groups", body), 409, "uniqueness");
        assertError(http.post("/Groups", body.replace(name, name.toUpperCase())), 409, "uniqueness");

        JsonObject byId = assertOk(http.get("/Groups/" + id + "?excludedAttributes=members"), 200);
        assertThat(byId.containsKey("members")).isFalse();
        assertThat(byId.getString("displayName")).isEqualTo(name);
        for (String filter : List.of("displayName eq \"" + name.toUpperCase() + "\"", "externalId eq \"" + externalId + "\"",
                "id eq \"" + id + "\"")) {
            JsonObject found = assertOk(http.get("/Groups?excludedAttributes=members&filter=" + encode(filter)), 200);
            assertThat(found.getInt("totalResults")).as(filter).isEqualTo(1);
            assertThat(found.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(id);
            assertThat(found.getJsonArray("Resources").getJsonObject(0).containsKey("members")).isFalse();
        }
        assertThat(assertOk(http.get("/Groups?filter=" + encode("externalId eq \"" + externalId.toUpperCase() + "\"")), 200)
                .getInt("totalResults")).as("externalId is case-exact").isZero();

        assertNoContent(http.patch("/Groups/" + id, patch("{\"op\": \"Add\", \"path\": \"members\", \"value\": "
                + "[{\"$ref\": null, \"value\": \"" + u1 + "\"}, {\"$ref\": null, \"value\": \"" + u2 + "\"}, "
                + "{\"$ref\": null, \"value\": \"" + u3 + "\"}]}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactlyInAnyOrder(u1, u2, u3);

        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"Remove\", \"path\": \"members\", \"value\": [{\"value\": \"" + u1 + "\"}]}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactlyInAnyOrder(u2, u3);

        String newExternalId = UUID.randomUUID().toString();
        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"Replace\", \"path\": \"displayName\", \"value\": \"" + name + " EMEA\"}",
                "{\"op\": \"replace\", \"value\": {\"externalId\": \"" + newExternalId + "\"}}")));
        JsonObject patched = assertOk(http.get("/Groups/" + id + "?excludedAttributes=members"), 200);
        assertThat(patched.getString("displayName")).isEqualTo(name + " EMEA");
        assertThat(patched.getString("externalId")).isEqualTo(newExternalId);

        // the validator's "Patch Group - Add Member" replaces the members
        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"replace\", \"path\": \"members\", \"value\": [{\"value\": \"" + u1 + "\"}]}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactly(u1);

        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + u2 + "\"}]}",
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + u2 + "\\\"]\"}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).as("add then remove in one request")
                .containsExactly(u1);

        assertThat(http.delete("/Groups/" + id).status()).isEqualTo(204);
        assertError(http.delete("/Groups/" + id), 404, null);
        assertError(http.get("/Groups/" + id), 404, null);
        assertError(http.delete("/Groups/" + UUID.randomUUID()), 404, null);
        assertError(http.get("/Groups/010101001010101011001010101011"), 404, null);
    }

    /** Members are users of the realm; writes are all or nothing; users show their groups. */
    @Test
    void membershipRulesAndTheUsersGroups() {
        String alice = createUser("alice." + unique() + "@okta.local", "Alice");
        String bobName = "bob." + unique() + "@okta.local";
        String bob = createUser(bobName, "Bob");
        String name = "Rules " + unique();
        String unknown = UUID.randomUUID().toString();

        assertError(http.post("/Groups", "{\"displayName\": \"" + name + "\", \"members\": [{\"value\": \"" + alice
                + "\"}, {\"value\": \"" + unknown + "\"}]}"), 400, "invalidValue");
        assertThat(assertOk(http.get("/Groups?filter=" + encode("displayName eq \"" + name + "\"")), 200)
                .getInt("totalResults")).as("nothing stored").isZero();

        JsonObject group = assertOk(http.post("/Groups", "{\"displayName\": \"" + name + "\", \"members\": [{\"value\": \""
                + alice + "\"}]}"), 201);
        String id = group.getString("id");
        String version = group.getJsonObject("meta").getString("version");

        JsonObject error = assertError(http.patch("/Groups/" + id, patch(
                "{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"" + name + " half\"}",
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + bob + "\"}, {\"value\": \""
                        + unknown + "\"}]}")), 400, "invalidValue");
        assertThat(error.getString("detail")).startsWith("Operations[1]").contains(unknown);
        JsonObject unchanged = assertOk(http.get("/Groups/" + id), 200);
        assertThat(unchanged.getString("displayName")).as("a failing PATCH changes nothing").isEqualTo(name);
        assertThat(memberIds(unchanged)).containsExactly(alice);
        assertThat(unchanged.getJsonObject("meta").getString("version")).isEqualTo(version);

        assertNoContent(http.patch("/Groups/" + id, patch("{\"op\": \"add\", \"path\": \"members\", \"value\": "
                + "[{\"value\": \"" + alice + "\"}, {\"value\": \"" + alice + "\"}, {\"value\": \"" + bob + "\"}]}")));
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).as("no duplicates")
                .containsExactlyInAnyOrder(alice, bob);

        // the user's groups attribute, computed from the memberships
        JsonObject aliceUser = assertOk(http.get("/Users/" + alice), 200);
        JsonArray groups = aliceUser.getJsonArray("groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.getJsonObject(0).getString("value")).isEqualTo(id);
        assertThat(groups.getJsonObject(0).getString("display")).isEqualTo(name);
        assertThat(groups.getJsonObject(0).getString("$ref")).endsWith("/scim/v2/Groups/" + id);
        assertThat(groups.getJsonObject(0).getString("type")).isEqualTo("direct");
        JsonObject listed = assertOk(http.get("/Users?filter=" + encode("userName eq \"" + aliceUser.getString("userName")
                + "\"")), 200);
        assertThat(listed.getJsonArray("Resources").getJsonObject(0).getJsonArray("groups")).isEqualTo(groups);
        assertThat(assertOk(http.get("/Users/" + alice + "?excludedAttributes=groups"), 200).containsKey("groups")).isFalse();
        JsonObject putUser = assertOk(http.put("/Users/" + alice, aliceUser.toString()), 200);
        assertThat(putUser.getJsonArray("groups")).as("groups sent back in a PUT are ignored").isEqualTo(groups);

        // filters on members
        String other = assertOk(http.post("/Groups", "{\"displayName\": \"" + name + " other\", \"members\": [{\"value\": \""
                + bob + "\"}]}"), 201).getString("id");
        String early = assertOk(http.post("/Groups", "{\"displayName\": \"early " + name + "\", \"members\": [{\"value\": \""
                + bob + "\"}]}"), 201).getString("id");
        // a user in three groups: the user once, its groups in display-name order (not the order joined), whether
        // the groups come in the query that finds the user (a lookup, a read by id) or in a query after it
        List<String> bobsGroups = List.of(early, id, other);
        String bobLookup = "/Users?filter=" + encode("userName eq \"" + bobName.toUpperCase() + "\"");
        for (String path : List.of(bobLookup, bobLookup + "&excludedAttributes=emails",
                "/Users?filter=" + encode("userName sw \"" + bobName + "\""),
                "/Users?filter=" + encode("userName eq \"" + bobName + "\" and displayName eq \"Bob\""))) {
            JsonObject found = assertOk(http.get(path), 200);
            assertThat(found.getInt("totalResults")).as(path).isEqualTo(1);
            assertThat(found.getJsonArray("Resources")).as(path).hasSize(1);
            assertThat(groupIds(found.getJsonArray("Resources").getJsonObject(0))).as(path).isEqualTo(bobsGroups);
        }
        String search = "{\"schemas\": [\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"], \"filter\": "
                + Json.createValue("userName eq \"" + bobName + "\"") + "}";
        assertThat(groupIds(assertOk(http.post("/Users/.search", search), 200).getJsonArray("Resources")
                .getJsonObject(0))).isEqualTo(bobsGroups);
        JsonObject bobById = assertOk(http.get("/Users/" + bob), 200);
        assertThat(groupIds(bobById)).isEqualTo(bobsGroups);
        assertThat(bobById.getJsonArray("groups").getJsonObject(0).getString("display")).isEqualTo("early " + name);
        assertThat(http.request("GET", "/Users/" + bob).auth().header("If-None-Match",
                bobById.getJsonObject("meta").getString("version")).send().status()).isEqualTo(304);
        assertThat(assertOk(http.get(bobLookup + "&attributes=groups.display"), 200).getJsonArray("Resources")
                .getJsonObject(0).getJsonArray("groups").getJsonObject(2).keySet()).containsExactly("display");
        assertThat(http.delete("/Groups/" + early).status()).isEqualTo(204);
        assertThat(groupIds(assertOk(http.get("/Users/" + bob), 200))).containsExactly(id, other);
        assertThat(ids(http.get("/Groups?filter=" + encode("members[value eq \"" + alice + "\"]")))).containsExactly(id);
        assertThat(ids(http.get("/Groups?filter=" + encode("members.value eq \"" + bob + "\"")))).containsExactlyInAnyOrder(id, other);
        assertThat(ids(http.get("/Groups?filter=" + encode("members[value eq \"" + bob + "\"] and displayName eq \""
                + name.toLowerCase() + " OTHER\"")))).containsExactly(other);
        assertThat(ids(http.get("/Groups?filter=" + encode("displayName eq \"" + name + "\" or id eq \"" + other + "\""))))
                .containsExactlyInAnyOrder(id, other);
        assertThat(ids(http.get("/Groups?filter=" + encode("members[value eq \"" + unknown + "\"]")))).isEmpty();
        assertError(http.get("/Groups?filter=" + encode("members[display eq \"Alice\"]")), 400, "invalidFilter");

        // projections
        JsonObject onlyName = assertOk(http.get("/Groups/" + id + "?attributes=displayName"), 200);
        assertThat(onlyName.keySet()).containsExactlyInAnyOrder("schemas", "id", "displayName");
        JsonObject onlyValues = assertOk(http.get("/Groups/" + id + "?attributes=members.value"), 200);
        assertThat(onlyValues.getJsonArray("members").getJsonObject(0).keySet()).containsExactly("value");
        JsonObject noRefs = assertOk(http.get("/Groups/" + id + "?excludedAttributes=members.$ref,meta"), 200);
        assertThat(noRefs.getJsonArray("members").getJsonObject(0).keySet()).containsExactlyInAnyOrder("value", "display", "type");
        assertThat(noRefs.containsKey("meta")).isFalse();

        // uniqueness on rename, case-insensitively, by PATCH and by PUT
        assertError(http.patch("/Groups/" + other, patch("{\"op\": \"replace\", \"value\": {\"displayName\": \""
                + name.toUpperCase() + "\"}}")), 409, "uniqueness");
        JsonObject otherGroup = assertOk(http.get("/Groups/" + other), 200);
        assertError(http.put("/Groups/" + other, Json.createObjectBuilder(otherGroup).add("displayName", name).build()
                .toString()), 409, "uniqueness");

        // what clients may not do
        assertError(http.patch("/Groups/" + id, patch("{\"op\": \"replace\", \"value\": {\"id\": \"" + other
                + "\", \"displayName\": \"x\"}}")), 400, "mutability");
        assertError(http.patch("/Groups/" + id, patch("{\"op\": \"remove\", \"path\": \"displayName\"}")), 400, "invalidValue");
        assertError(http.patch("/Groups/" + id, patch("{\"op\": \"add\", \"path\": \"members[value eq \\\"" + bob
                + "\\\"]\", \"value\": {\"value\": \"" + bob + "\"}}")), 400, "invalidPath");
        assertError(http.patch("/Groups/" + id, patch("{\"op\": \"remove\", \"path\": \"members[display eq \\\"Bob\\\"]\"}")),
                400, "invalidFilter");
        assertError(http.patch("/Groups/" + id, patch("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"display\": \"no value\"}]}")),
                400, "invalidValue");
        assertError(http.patch("/Groups/" + UUID.randomUUID(), patch("{\"op\": \"remove\", \"path\": \"members\"}")), 404, null);
        assertError(http.post("/Groups", "{\"members\": []}"), 400, "invalidValue");
        assertError(http.get("/Groups?filter=" + encode("displayName eq")), 400, "invalidFilter");

        // deleting a user removes its memberships; deleting a group leaves its users alone
        assertThat(http.delete("/Users/" + bob).status()).isEqualTo(204);
        assertThat(memberIds(assertOk(http.get("/Groups/" + id), 200))).containsExactly(alice);
        assertThat(memberIds(assertOk(http.get("/Groups/" + other), 200))).isEmpty();
        assertThat(http.delete("/Groups/" + id).status()).isEqualTo(204);
        JsonObject aliceAfter = assertOk(http.get("/Users/" + alice), 200);
        assertThat(aliceAfter.containsKey("groups")).isFalse();
        assertThat(aliceAfter.getString("displayName")).isEqualTo("Alice");
        assertThat(http.delete("/Groups/" + other).status()).isEqualTo(204);
    }

    /** Concurrent membership changes of one group from many clients lose nothing. */
    @Test
    void concurrentPatchesLoseNoMember() throws Exception {
        String batch = unique();
        List<String> users = inParallel(IntStream.range(0, 24)
                .mapToObj(i -> (Callable<String>) () -> createUser("conc" + i + "." + batch + "@okta.local", null))
                .toList(), 8);
        String id = assertOk(http.post("/Groups", "{\"displayName\": \"Concurrent " + batch + "\"}"), 201).getString("id");

        List<Integer> statuses = inParallel(users.stream().map(user -> (Callable<Integer>) () -> http.patch("/Groups/" + id,
                patch("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + user + "\"}]}")).status())
                .toList(), 24);

        assertThat(statuses).containsOnly(204);
        JsonObject group = assertOk(http.get("/Groups/" + id), 200);
        assertThat(memberIds(group)).hasSize(24).containsExactlyInAnyOrderElementsOf(users);
        assertThat(group.getJsonObject("meta").getString("version")).as("one version per change")
                .isEqualTo("W/\"" + 25 + "\"");
        assertThat(http.delete("/Groups/" + id).status()).isEqualTo(204);
    }

    /** displayName is unique per realm regardless of case, also when clients race (a database constraint). */
    @Test
    void displayNameUniquenessHoldsUnderRacingCreates() throws Exception {
        String name = "Race Team " + unique();
        List<Reply> replies = inParallel(IntStream.range(0, 12).mapToObj(i -> (Callable<Reply>) () -> http.post(
                "/Groups", "{\"displayName\": \"" + (i % 2 == 0 ? name.toUpperCase() : name.toLowerCase()) + "\"}"))
                .toList(), 12);

        assertThat(replies.stream().filter(r -> r.status() == 201)).hasSize(1);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> assertError(r, 409, "uniqueness"));
        String filter = URLEncoder.encode("displayName eq \"" + name + "\"", StandardCharsets.UTF_8);
        JsonObject found = assertOk(http.get("/Groups?filter=" + filter), 200);
        assertThat(found.getInt("totalResults")).isEqualTo(1);
        assertThat(http.delete("/Groups/" + found.getJsonArray("Resources").getJsonObject(0).getString("id")).status())
                .isEqualTo(204);
    }

    /**
     * Mixed load in every order that could deadlock: user PATCHes, group PATCHes adding pairs of the same users in
     * opposite orders, removals, PUTs of the whole member list, and deletes of users that are members of every
     * group, all at once. Nothing answers 5xx (a deadlock the database breaks would), and afterwards no group lists
     * a deleted user. A delete that lost a race for a lock answers 409 and changes nothing: that user still exists.
     * (H2's own miscounted deletes under this load are DeletionRaceTest's.)
     */
    @Test
    void mixedLoadNeverDeadlocksOrFails() throws Exception {
        String batch = unique();
        List<String> users = inParallel(IntStream.range(0, 16)
                .mapToObj(i -> (Callable<String>) () -> createUser("mixed" + i + "." + batch + "@okta.local", null))
                .toList(), 8);
        List<String> groups = new ArrayList<>();
        for (int g = 0; g < 3; g++) {
            groups.add(assertOk(http.post("/Groups", "{\"displayName\": \"Mixed " + g + " " + batch + "\", \"members\": "
                    + members(users) + "}"), 201).getString("id"));
        }
        Map<Integer, String> deletes = new HashMap<>();

        List<Callable<Reply>> work = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int n = i;
            String group = groups.get(i % groups.size());
            String a = users.get(i % 12);
            String b = users.get((i * 7 + 3) % 16);
            work.add(switch (i % 6) {
                case 0 -> () -> http.patch("/Users/" + a, patch(
                        "{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Mixed " + n + "\"}"));
                case 1 -> () -> http.patch("/Groups/" + group, patch("{\"op\": \"add\", \"path\": \"members\", \"value\": "
                        + members(List.of(a, b)) + "}"));
                case 2 -> () -> http.patch("/Groups/" + group, patch("{\"op\": \"add\", \"path\": \"members\", \"value\": "
                        + members(List.of(b, a)) + "}"));
                case 3 -> () -> http.patch("/Groups/" + group, patch(
                        "{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + b + "\\\"]\"}"));
                case 4 -> () -> http.put("/Groups/" + group, "{\"displayName\": \"Mixed " + (n % groups.size()) + " "
                        + batch + "\", \"members\": " + members(List.of(b, a)) + "}");
                default -> {
                    if (i < 4 * 6) {
                        deletes.put(i, users.get(12 + n / 6));
                        yield () -> http.delete("/Users/" + users.get(12 + n / 6));
                    }
                    yield () -> http.get("/Groups/" + group);
                }
            });
        }
        List<Reply> replies = inParallel(work, 12);
        Set<String> deleted = new HashSet<>();
        deletes.forEach((i, user) -> {
            if (replies.get(i).status() == 204) {
                deleted.add(user);
            } else {
                assertThat(replies.get(i).status()).as("DELETE of %s: %s", user, replies.get(i)).isEqualTo(409);
                assertOk(http.get("/Users/" + user), 200);
            }
        });
        assertThat(deleted).as("deletes that went through, for the check below").isNotEmpty();

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).as("%s", reply)
                .isIn(200, 204, 400, 404, 409, 412));
        assertThat(replies.stream().filter(r -> r.status() == 400)).allSatisfy(r -> assertError(r, 400, "invalidValue"));
        for (String group : groups) {
            assertThat(memberIds(assertOk(http.get("/Groups/" + group), 200))).doesNotContainAnyElementsOf(deleted);
            assertThat(http.delete("/Groups/" + group).status()).isEqualTo(204);
        }
        for (String user : deleted) {
            assertError(http.get("/Users/" + user), 404, null);
        }
    }

    /**
     * 20,000 members added through the API in 20 PATCHes of 1,000; reads stream them all. The users carry work
     * (and every other one home) emails, so Entra's {@code emails[type eq "work"].value eq} lookup is measured
     * at this size too.
     */
    @Test
    void largeGroup() throws Exception {
        String batch = unique();
        long start = System.nanoTime();
        List<String> users = inParallel(IntStream.range(0, 20_000)
                .mapToObj(i -> (Callable<String>) () -> createUser("big" + i + "." + batch + "@okta.local",
                        i % 2 == 0 ? "Big " + i : null, "big" + i + "." + batch + "@work.example",
                        i % 2 == 0 ? "big" + i + "." + batch + "@home.example" : null))
                .toList(), 6);
        log("created 20,000 users", start);
        emailLookupsAmongManyUsers(users, batch);

        String id = assertOk(http.post("/Groups", "{\"displayName\": \"Large " + batch + "\", \"members\": []}"), 201)
                .getString("id");
        start = System.nanoTime();
        for (int chunk = 0; chunk < 20; chunk++) {
            assertNoContent(http.patch("/Groups/" + id, patch("{\"op\": \"add\", \"path\": \"members\", \"value\": "
                    + members(users.subList(chunk * 1000, chunk * 1000 + 1000)) + "}")));
        }
        log("20 PATCHes of 1,000 members", start);

        start = System.nanoTime();
        JsonObject full = assertOk(http.get("/Groups/" + id), 200);
        log("GET of 20,000 members", start);
        assertThat(memberIds(full)).hasSize(20_000).containsExactlyInAnyOrderElementsOf(users);
        assertThat(member(full, users.get(0)).getString("display")).isEqualTo("Big 0");
        assertThat(member(full, users.get(1)).getString("display")).startsWith("big1.");

        start = System.nanoTime();
        Reply excluded = http.get("/Groups/" + id + "?excludedAttributes=members");
        log("GET with excludedAttributes=members", start);
        assertThat(assertOk(excluded, 200).containsKey("members")).isFalse();
        assertThat(excluded.text().length()).isLessThan(1000);

        start = System.nanoTime();
        String removed = users.get(12_345);
        String readded = users.get(7);
        assertNoContent(http.patch("/Groups/" + id, patch(
                "{\"op\": \"remove\", \"path\": \"members[value eq \\\"" + removed + "\\\"]\"}",
                "{\"op\": \"remove\", \"path\": \"members\", \"value\": [{\"value\": \"" + readded + "\"}]}",
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + readded + "\"}, {\"value\": \""
                        + users.get(8) + "\"}]}")));
        log("PATCH remove + add on 20,000 members", start);
        assertThat(ids(http.get("/Groups?excludedAttributes=members&filter=" + encode("members[value eq \"" + removed
                + "\"]")))).isEmpty();
        assertThat(ids(http.get("/Groups?excludedAttributes=members&filter=" + encode("members[value eq \"" + readded
                + "\"]")))).containsExactly(id);
        JsonObject after = assertOk(http.get("/Groups/" + id), 200);
        Set<String> expected = new HashSet<>(users);
        expected.remove(removed);
        assertThat(memberIds(after)).hasSize(19_999).containsExactlyInAnyOrderElementsOf(expected);

        // Okta's AIW flavour: PUT of the whole group with one member less
        JsonObject replaced = Json.createObjectBuilder(after).add("members", Json.createReader(new java.io.StringReader(
                members(users.subList(1, 20_000)))).readArray()).build();
        start = System.nanoTime();
        JsonObject put = assertOk(http.put("/Groups/" + id + "?excludedAttributes=members", replaced.toString()), 200);
        log("PUT of 19,999 members", start);
        assertThat(put.containsKey("members")).isFalse();
        List<String> afterPut = memberIds(assertOk(http.get("/Groups/" + id), 200));
        assertThat(afterPut).hasSize(19_999).doesNotContain(users.get(0)).contains(removed);

        JsonObject page = assertOk(http.get("/Groups?filter=" + encode("id eq \"" + id + "\"")), 200);
        assertThat(page.getJsonArray("Resources").getJsonObject(0).getJsonArray("members")).hasSize(19_999);
        assertThat(http.delete("/Groups/" + id).status()).isEqualTo(204);
        assertOk(http.get("/Users/" + users.get(1)), 200);
    }

    /**
     * Entra's lookup among 20,000 users with work emails: each answer finds exactly its user, fast. Translated as
     * nested correlated EXISTS subqueries, this lookup visited every work email for every user (quadratic: tens
     * of seconds here); driven from the indexed value, it is a few index lookups.
     */
    private void emailLookupsAmongManyUsers(List<String> users, String batch) {
        long start = System.nanoTime();
        for (int i = 0; i < 20_000; i += 997) {
            String work = "emails[type eq \"work\"].value eq \"BIG" + i + "." + batch + "@work.example\"";
            long one = System.nanoTime();
            assertThat(ids(http.get("/Users?filter=" + encode(work)))).as(work).containsExactly(users.get(i));
            assertThat((System.nanoTime() - one) / 1_000_000).as("ms for %s", work).isLessThan(2_000);
        }
        log("21 emails[type eq \"work\"].value eq lookups among 20,000 users", start);
        String home = "big0." + batch + "@home.example";
        assertThat(ids(http.get("/Users?filter=" + encode("emails[type eq \"work\"].value eq \"" + home + "\""))))
                .as("the work condition holds for the element whose value matches").isEmpty();
        assertThat(ids(http.get("/Users?filter=" + encode("emails[type eq \"home\" and value eq \"" + home + "\"]"))))
                .containsExactly(users.get(0));
        assertThat(ids(http.get("/Users?filter=" + encode("emails[value eq \"" + home + "\" and not (type eq \"home\")]"))))
                .isEmpty();
        JsonObject both = assertOk(http.get("/Users?count=5&filter=" + encode("emails[type eq \"work\" and value sw \"big1"
                + "0.\"] or emails[type eq \"home\" and value sw \"big10.\"]")), 200);
        assertThat(both.getInt("totalResults")).as("one user, however many of its elements match").isEqualTo(1);
    }

    /** Runscope SPEC step 10 (optional): GET /Groups with no parameters answers 200 in under 600 ms. */
    @Test
    void runscopeVerifyGroupsEndpoint() {
        assertOk(http.post("/Groups", "{\"displayName\": \"Runscope " + unique() + "\"}"), 201);
        long start = System.nanoTime();
        Reply reply = http.request("GET", "/Groups").auth()
                .header("Accept-Charset", "utf-8")
                .header("Content-Type", "application/scim+json; charset=utf-8")
                .header("Accept", "application/scim+json")
                .header("User-Agent", "OKTA SCIM Integration")
                .send();
        long millis = (System.nanoTime() - start) / 1_000_000;
        JsonObject list = assertOk(reply, 200);
        assertThat(millis).as("response time in ms").isLessThan(600);
        assertThat(list.getJsonArray("schemas").getString(0)).isEqualTo(LIST);
        assertThat(list.getInt("totalResults")).isPositive();
        assertThat(list.get("Resources").getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(list.getInt("itemsPerPage")).isEqualTo(list.getJsonArray("Resources").size());
    }

    private void assertDeletedWithContentType(String id) {
        Reply deleted = http.request("DELETE", "/Groups/" + id).auth()
                .header("Content-Type", "application/scim+json; charset=utf-8").send();
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(deleted.text()).isEmpty();
        assertError(http.get("/Groups/" + id), 404, null);
    }

    private static void assertNoContent(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(204);
        assertThat(reply.text()).isEmpty();
    }

    private String createUser(String userName, String displayName) {
        return createUser(userName, displayName, null, null);
    }

    private String createUser(String userName, String displayName, String workEmail, String homeEmail) {
        var body = Json.createObjectBuilder().add("userName", userName);
        if (displayName != null) {
            body.add("displayName", displayName);
        }
        if (workEmail != null) {
            var emails = Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("value", workEmail).add("type", "work").add("primary", true));
            if (homeEmail != null) {
                emails.add(Json.createObjectBuilder().add("value", homeEmail).add("type", "home"));
            }
            body.add("emails", emails);
        }
        return assertOk(postHonouringRateLimit("/Users", body.build().toString()), 201).getString("id");
    }

    /**
     * As Okta does on 429: waits as long as {@code Retry-After} says and sends the request again (a limited request
     * was not carried out). The bulk loads here create users faster than the bootstrap token's default limit.
     */
    private Reply postHonouringRateLimit(String path, String body) {
        Reply reply = http.post(path, body);
        for (int attempt = 0; reply.status() == 429 && attempt < 20; attempt++) {
            try {
                Thread.sleep(1000L * Long.parseLong(reply.header("Retry-After")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            reply = http.post(path, body);
        }
        return reply;
    }

    private static <T> List<T> inParallel(List<Callable<T>> tasks, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String members(List<String> userIds) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        userIds.forEach(id -> array.add(Json.createObjectBuilder().add("value", id)));
        return array.build().toString();
    }

    private static List<String> memberIds(JsonObject group) {
        JsonArray members = group.getJsonArray("members");
        return members == null ? List.of() : members.stream()
                .map(m -> m.asJsonObject().getString("value")).collect(Collectors.toList());
    }

    private static JsonObject member(JsonObject group, String userId) {
        return group.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("value").equals(userId)).findFirst().orElseThrow();
    }

    private static List<String> groupIds(JsonObject user) {
        return user.getJsonArray("groups").stream().map(g -> g.asJsonObject().getString("value")).toList();
    }

    private static Set<String> ids(Reply reply) {
        Set<String> ids = new HashSet<>();
        assertOk(reply, 200).getJsonArray("Resources").forEach(r -> ids.add(r.asJsonObject().getString("id")));
        return ids;
    }

    private static String patch(String... operations) {
        return "{\"schemas\": [\"" + PATCH_OP + "\"], \"Operations\": [" + String.join(",", operations) + "]}";
    }

    private static String encode(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void log(String what, long startNanos) {
        System.out.printf("GroupsIT: %s in %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }
}
