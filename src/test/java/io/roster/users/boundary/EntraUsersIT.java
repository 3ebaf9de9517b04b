package io.roster.users.boundary;

import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static io.roster.users.boundary.OktaUsersIT.patch;
import static io.roster.users.boundary.OktaUsersIT.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import io.roster.testing.ScimHttp;
import io.roster.testing.ScimIT;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID's user requests (protocol notes §3), and a strict third-party SCIM client library that must
 * accept every response Roster produces.
 */
class EntraUsersIT extends ScimIT {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /**
     * Entra's app-role assignments (protocol notes §3.2, §3.4): "primary" as the string "True" in POST bodies, a
     * role object JSON-encoded as a string inside value, {@code roles[primary eq "True"].value} adding the primary
     * role when there is none, and the assertive replace of the whole list.
     */
    @Test
    void appRoleAssignmentsInEveryShapeEntraSends() {
        String userName = "roles." + unique() + "@contoso.com";
        JsonObject created = assertOk(http.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "active": true,
                 "roles": [{"primary": "True", "type": "WindowsAzureActiveDirectoryRole", "display": "User",
                            "value": "User"}]}""".formatted(userName)), 201);
        String id = created.getString("id");
        assertThat(created.getJsonArray("roles").getJsonObject(0).getBoolean("primary"))
                .as("the string \"True\" is stored as the boolean").isTrue();

        assertThat(http.patch("/Users/" + id, patch("""
                {"op": "Add", "path": "roles", "value": [{"value": "{\\"id\\":\\"06b07648-ecfe-589f-9d2f-6f5a8f9a1c2b\\",\\"value\\":\\"Admin\\",\\"displayName\\":\\"Administrator\\"}"}]}""")).status())
                .isIn(200, 204);
        JsonObject withAdmin = assertOk(http.get("/Users/" + id), 200);
        assertThat(withAdmin.getJsonArray("roles")).extracting(r -> r.asJsonObject().getString("value")
                + "/" + r.asJsonObject().getString("display", "-")).containsExactlyInAnyOrder("User/User",
                "Admin/Administrator");
        assertThat(withAdmin.toString()).as("Entra's role id has no place in a SCIM role").doesNotContain("06b07648");

        // replace the value of the primary role by a filtered path, then (no primary left) add one by the same path
        assertThat(http.patch("/Users/" + id, patch("""
                {"op": "replace", "path": "roles[primary eq \\"True\\"].value", "value": "Reader"}""")).status())
                .isIn(200, 204);
        JsonObject replaced = assertOk(http.get("/Users/" + id), 200);
        assertThat(replaced.getJsonArray("roles")).extracting(r -> r.asJsonObject().getString("value")
                + "/" + r.asJsonObject().getBoolean("primary", false)).containsExactlyInAnyOrder("Reader/true",
                "Admin/false");
        assertThat(http.patch("/Users/" + id, patch("""
                {"op": "replace", "path": "roles", "value": [{"primary": false, "type": "WindowsAzureActiveDirectoryRole",
                  "display": "User", "value": "User"}]}""")).status()).isIn(200, 204);
        assertThat(http.patch("/Users/" + id, patch("""
                {"op": "Add", "path": "roles[primary eq \\"True\\"].value", "value": "Owner"}""")).status())
                .isIn(200, 204);
        JsonObject added = assertOk(http.get("/Users/" + id), 200);
        assertThat(added.getJsonArray("roles")).extracting(r -> r.asJsonObject().getString("value")
                + "/" + r.asJsonObject().getBoolean("primary", false)).containsExactlyInAnyOrder("User/false",
                "Owner/true");
        String filter = URLEncoder.encode("roles[primary eq \"True\"].value eq \"Owner\" and userName eq \""
                + userName + "\"", StandardCharsets.UTF_8);
        assertThat(assertOk(http.get("/Users?filter=" + filter), 200).getInt("totalResults")).isEqualTo(1);
        // an added primary value takes primary from the others (RFC 7644 §3.5.2.1): one primary, the last one added
        JsonObject onePrimary = assertOk(http.patch("/Users/" + id + "?attributes=roles", patch("""
                {"op": "Add", "path": "roles", "value": [{"value": "A", "primary": "True"}, {"value": "B", "primary": true}]}""")),
                200);
        assertThat(onePrimary.getJsonArray("roles")).filteredOn(r -> r.asJsonObject().getBoolean("primary", false))
                .extracting(r -> r.asJsonObject().getString("value")).containsExactly("B");
        assertError(http.post("/Users", """
                {"userName": "two.primaries.%s", "roles": [{"value": "A", "primary": "True"}, {"value": "B", "primary": true}]}"""
                .formatted(unique())), 400, "invalidValue");
    }

    /** Test Connection: a random GUID as matching attribute must give an empty list, not a 404 (§3.1). */
    @Test
    void testConnectionWithRandomGuid() {
        JsonObject empty = assertOk(http.get("/Users?filter=userName+eq+%22" + UUID.randomUUID() + "%22"), 200);
        assertThat(empty.getInt("totalResults")).isZero();
        assertThat(empty.getJsonArray("Resources")).isEmpty();
    }

    /** Create as Entra sends it, find it by every matching attribute, update it op by op, disable, delete. */
    @Test
    void provisioningCycle() {
        String suffix = unique();
        String upn = "Test_User_" + suffix + "@contoso.com";
        JsonObject created = assertOk(http.post("/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId": "mail%s",
                 "userName": "%s",
                 "active": true,
                 "addresses": null,
                 "title": null,
                 "displayName": "Test User",
                 "emails": [{"primary": true, "type": "work", "value": "Test_User_%s@contoso.com"}],
                 "meta": {"resourceType": "User"},
                 "name": {"formatted": "givenName familyName", "familyName": "familyName", "givenName": "givenName"},
                 "roles": [],
                 "phoneNumbers": [{"type": "work", "value": "+1 425 555 0100"}, {"type": "mobile", "value": "+1 425 555 0101"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"employeeNumber": "123", "department": "Sales"}}
                """.formatted(suffix, upn, suffix)), 201);
        String id = created.getString("id");
        assertThat(created.containsKey("title")).isFalse();
        assertThat(created.getJsonArray("phoneNumbers").getJsonObject(0).getString("value")).isEqualTo("+1 425 555 0100");

        for (String filter : List.of(
                "userName eq \"" + upn.toUpperCase() + "\"",
                "externalId eq \"mail" + suffix + "\"",
                "emails[type eq \"work\"].value eq \"test_user_" + suffix + "@contoso.com\"",
                "id eq \"" + id + "\" and userName eq \"" + upn + "\"")) {
            JsonObject found = assertOk(http.get("/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)
                    .replace("%20", "+")), 200);
            assertThat(found.getInt("totalResults")).as(filter).isEqualTo(1);
            assertThat(found.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(id);
        }
        JsonObject onlyId = assertOk(http.get("/Users?filter=" + URLEncoder.encode("id eq \"" + id + "\"", StandardCharsets.UTF_8)
                + "&attributes=id"), 200).getJsonArray("Resources").getJsonObject(0);
        assertThat(onlyId.keySet()).containsExactlyInAnyOrder("schemas", "id");

        JsonObject patched = assertOk(http.patch("/Users/" + id, patch(
                "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Renamed User\"}",
                "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new_" + suffix + "@contoso.com\"}",
                "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Newname\"}",
                "{\"op\":\"Add\",\"path\":\"nickName\",\"value\":\"Babs\"}",
                "{\"op\":\"Add\",\"path\":\"addresses[type eq \\\"work\\\"].locality\",\"value\":\"Redmond\"}",
                "{\"op\":\"Replace\",\"path\":\"" + ENTERPRISE + ":employeeNumber\",\"value\":\"456\"}",
                "{\"op\":\"Replace\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 425 555 0199\"}")), 200);
        assertThat(patched.getString("displayName")).isEqualTo("Renamed User");
        assertThat(patched.getJsonArray("emails").getJsonObject(0).getString("value")).isEqualTo("new_" + suffix + "@contoso.com");
        assertThat(patched.getJsonObject("name").getString("familyName")).isEqualTo("Newname");
        assertThat(patched.getJsonObject("name").getString("givenName")).isEqualTo("givenName");
        assertThat(patched.getString("nickName")).isEqualTo("Babs");
        assertThat(patched.getJsonArray("addresses").getJsonObject(0).getString("type")).isEqualTo("work");
        assertThat(patched.getJsonArray("addresses").getJsonObject(0).getString("locality")).isEqualTo("Redmond");
        assertThat(patched.getJsonObject(ENTERPRISE).getString("employeeNumber")).isEqualTo("456");
        assertThat(patched.getJsonObject(ENTERPRISE).getString("department")).isEqualTo("Sales");
        assertThat(patched.getJsonArray("phoneNumbers").getJsonObject(1).getString("value")).isEqualTo("+1 425 555 0199");
        assertThat(assertOk(http.get("/Users?filter=" + URLEncoder.encode("emails[type eq \"work\"].value eq \"NEW_" + suffix + "@contoso.com\"",
                StandardCharsets.UTF_8)), 200).getInt("totalResults")).as("the email index follows the PATCH").isEqualTo(1);

        JsonObject flagged = assertOk(http.patch("/Users/" + id, patch(
                "{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Flagged\",\"" + ENTERPRISE + ":department\":\"Marketing\"}}")), 200);
        assertThat(flagged.getJsonObject("name").getString("givenName")).isEqualTo("Flagged");
        assertThat(flagged.getJsonObject(ENTERPRISE).getString("department")).isEqualTo("Marketing");

        JsonObject disabled = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}")), 200);
        assertThat(disabled.getBoolean("active")).isFalse();
        assertThat(assertOk(http.get("/Users/" + id), 200).getBoolean("active")).isFalse();
        assertThat(assertOk(http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":true}")), 200)
                .getBoolean("active")).isTrue();

        assertThat(http.delete("/Users/" + id).status()).isEqualTo(204);
        assertError(http.get("/Users/" + id), 404, null);
        assertError(http.delete("/Users/" + id), 404, null);
        assertError(http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")), 404, null);
        assertError(http.delete("/Users/" + UUID.randomUUID()), 404, null);
    }

    /** The validator's manager tests: raw id string, {"value": id}, "" and {"value": ""} to clear, remove (§3.3 #9). */
    @Test
    void managerForms() {
        String manager = assertOk(http.post("/Users", "{\"userName\":\"boss." + unique() + "\"}"), 201).getString("id");
        String id = assertOk(http.post("/Users", "{\"userName\":\"report." + unique() + "\"}"), 201).getString("id");
        String path = ENTERPRISE + ":manager";

        JsonObject raw = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"" + path + "\",\"value\":\"" + manager + "\"}")), 200);
        assertThat(raw.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value")).isEqualTo(manager);
        JsonObject cleared = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"" + path + "\",\"value\":\"\"}")), 200);
        assertThat(cleared.containsKey(ENTERPRISE)).isFalse();

        JsonObject object = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"" + path + "\",\"value\":{\"value\":\"" + manager + "\"}}")), 200);
        assertThat(object.getJsonObject(ENTERPRISE).getJsonObject("manager").getString("value")).isEqualTo(manager);
        JsonObject clearedObject = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"" + path + "\",\"value\":{\"value\":\"\"}}")), 200);
        assertThat(clearedObject.containsKey(ENTERPRISE)).isFalse();

        assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Add\",\"path\":\"" + path + "\",\"value\":\"" + manager + "\"}")), 200);
        JsonObject removed = assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Remove\",\"path\":\"" + path + "\"}")), 200);
        assertThat(removed.containsKey(ENTERPRISE)).isFalse();
    }

    /** Preview tests: several ops on one attribute apply in order; userName renames keep uniqueness (§3.4). */
    @Test
    void operationsApplyInOrderAndRenamesStayUnique() {
        String id = assertOk(http.post("/Users", "{\"userName\":\"order." + unique() + "\",\"title\":\"Start\"}"), 201).getString("id");
        JsonObject result = assertOk(http.patch("/Users/" + id, patch(
                "{\"op\":\"remove\",\"path\":\"title\"}",
                "{\"op\":\"add\",\"path\":\"title\",\"value\":\"Added\"}",
                "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Replaced\"}")), 200);
        assertThat(result.getString("title")).isEqualTo("Replaced");

        String newName = "Renamed." + unique() + "@contoso.com";
        assertThat(assertOk(http.patch("/Users/" + id, patch("{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + newName + "\"}")), 200)
                .getString("userName")).isEqualTo(newName);
        assertThat(assertOk(http.patch("/Users/" + id, patch("{\"op\":\"replace\",\"value\":{\"userName\":\"" + newName.toLowerCase() + "\"}}")), 200)
                .getString("userName")).as("a user may change the case of its own userName").isEqualTo(newName.toLowerCase());
        String other = assertOk(http.post("/Users", "{\"userName\":\"other." + unique() + "\"}"), 201).getString("id");
        assertError(http.patch("/Users/" + other, patch("{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + newName.toUpperCase() + "\"}")),
                409, "uniqueness");
    }

    /** UnboundID's SCIM 2 SDK, a strict independent client: create, search, modify, delete (issue: interop). */
    @Test
    void strictThirdPartyClientAcceptsEveryResponse() throws ScimException {
        Client client = ClientBuilder.newClient()
                .register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle("Authorization", "Bearer " + ScimHttp.TOKEN))
                .property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true);
        try {
            ScimService scim = new ScimService(client.target(http.scim()));
            String userName = "sdk." + unique() + "@example.com";
            UserResource user = new UserResource().setUserName(userName)
                    .setName(new Name().setGivenName("Sdk").setFamilyName("Client"))
                    .setEmails(List.of(new Email().setValue(userName).setType("work").setPrimary(true)))
                    .setActive(true);
            user.setExternalId("sdk-" + unique());
            UserResource created = scim.create("Users", user);
            assertThat(created.getId()).isNotBlank();
            assertThat(created.getUserName()).isEqualTo(userName);
            assertThat(created.getMeta().getLocation().toString()).endsWith("/Users/" + created.getId());
            assertThat(created.getMeta().getCreated()).isNotNull();

            ListResponse<UserResource> found = scim.searchRequest("Users")
                    .filter(Filter.eq("userName", userName.toUpperCase()))
                    .page(1, 10)
                    .invoke(UserResource.class);
            assertThat(found.getTotalResults()).isEqualTo(1);
            assertThat(found.getResources().get(0).getId()).isEqualTo(created.getId());

            UserResource modified = scim.modifyRequest("Users", created.getId())
                    .replaceValue("title", "Interop")
                    .replaceValue("active", false)
                    .invoke(UserResource.class);
            assertThat(modified.getTitle()).isEqualTo("Interop");
            assertThat(modified.getActive()).isFalse();

            UserResource fetched = scim.retrieve("Users", created.getId(), UserResource.class);
            fetched.setDisplayName("Replaced By Sdk");
            UserResource replaced = scim.replace(fetched);
            assertThat(replaced.getDisplayName()).isEqualTo("Replaced By Sdk");

            scim.delete("Users", created.getId());
            assertThatThrownBy(() -> scim.retrieve("Users", created.getId(), UserResource.class))
                    .isInstanceOf(ResourceNotFoundException.class);
        } finally {
            client.close();
        }
    }
}
