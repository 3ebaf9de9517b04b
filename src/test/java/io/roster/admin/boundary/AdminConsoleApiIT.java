package io.roster.admin.boundary;

import static io.roster.testing.Eventually.eventually;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * What the admin console relies on, through plain HTTP: the session sign-in and its cross-site request forgery
 * rule (HTTP Basic unchanged beside it), the request statistics counted from the log, and the read-only users
 * and groups endpoints; all of them for administrators only.
 */
@ExtendWith(ArquillianExtension.class)
class AdminConsoleApiIT {

    private static final String ADMIN_PASSWORD = "it-admin-password";
    private static final String CONSOLE = "X-Roster-Console";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

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
    void consoleSessionSignsInAndOutAndChangesNeedTheConsoleHeader() {
        long failuresBefore = json(basicGet("/auth-failures"), 200).getJsonNumber("total").longValue();
        Reply forged = api("POST", "/session", signIn(ADMIN_PASSWORD), null, false);
        assertThat(error(forged, 403)).contains(CONSOLE);
        assertThat(forged.header("Set-Cookie")).isNull();

        Reply wrong = api("POST", "/session", signIn("wrong-password-456"), null, true);
        assertThat(error(wrong, 401)).contains("name or password is wrong").doesNotContain("wrong-password-456");
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Session realm=\"roster-admin\"");
        assertThat(wrong.header("Set-Cookie")).isNull();
        assertThat(json(basicGet("/auth-failures"), 200).getJsonNumber("total").longValue())
                .as("a failed sign-in counts as a failed authentication").isEqualTo(failuresBefore + 1);
        error(api("POST", "/session", "{\"name\":\"admin\"}", null, true), 400);
        error(api("POST", "/session", "not json", null, true), 400);
        error(api("GET", "/session", null, null, true), 401);

        Reply signedIn = api("POST", "/session", signIn(ADMIN_PASSWORD), null, true);
        assertThat(json(signedIn, 200).getString("name")).isEqualTo("admin");
        String setCookie = signedIn.header("Set-Cookie");
        assertThat(setCookie).startsWith("ROSTER_CONSOLE=").contains("HttpOnly").contains("SameSite=Strict")
                .contains("Path=/api/admin");
        assertThat(signedIn.header("Cache-Control")).isEqualTo("no-store");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(json(api("GET", "/session", null, cookie, false), 200).getString("name")).isEqualTo("admin");
        assertThat(json(api("GET", "/realms", null, cookie, false), 200).getJsonArray("realms")).isNotEmpty();

        String name = "session-" + unique();
        String account = "{\"name\":\"" + name + "\",\"scopes\":[\"scim:read\"]}";
        Reply withoutHeader = api("POST", "/realms/default/service-accounts", account, cookie, false);
        assertThat(error(withoutHeader, 403)).contains(CONSOLE);
        assertThat(json(basicGet("/realms/default/service-accounts"), 200).toString()).doesNotContain(name);

        JsonObject created = json(api("POST", "/realms/default/service-accounts", account, cookie, true), 201);
        assertThat(created.getString("token")).startsWith("rst_");
        String id = created.getString("id");
        error(api("DELETE", "/realms/default/service-accounts/" + id, null, cookie, false), 403);
        assertThat(api("DELETE", "/realms/default/service-accounts/" + id, null, cookie, true).status())
                .isEqualTo(204);

        // the session is for the admin API only: SCIM does not take it
        assertThat(http.request("GET", "/Users").header("Cookie", cookie).send().status()).isEqualTo(401);

        // signing in again starts a new session; the old one ends (no fixation)
        Reply again = api("POST", "/session", signIn(ADMIN_PASSWORD), cookie, true);
        String newCookie = again.header("Set-Cookie").substring(0, again.header("Set-Cookie").indexOf(';'));
        assertThat(newCookie).isNotEqualTo(cookie);
        error(api("GET", "/realms", null, cookie, false), 401);

        error(api("DELETE", "/session", null, newCookie, false), 403);
        assertThat(api("DELETE", "/session", null, newCookie, true).status()).isEqualTo(204);
        Reply ended = api("GET", "/realms", null, newCookie, true);
        error(ended, 401);
        assertThat(ended.header("WWW-Authenticate")).as("no browser password dialog for the console")
                .isEqualTo("Session realm=\"roster-admin\"");
        error(api("GET", "/session", null, newCookie, true), 401);
    }

    @Test
    void basicIsUnchangedAndTheNewEndpointsAreForAdministratorsOnly() {
        for (String path : List.of("/realms/default/stats", "/realms/default/users", "/realms/default/groups",
                "/realms/default/users/x", "/realms/default/groups/x", "/realms/default/groups/x/members")) {
            Reply anonymous = api("GET", path, null, null, false);
            error(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"roster-admin\"");
            error(admin("GET", path, "Bearer " + ScimHttp.TOKEN), 401);
            // nor are they part of the SCIM API
            assertThat(http.request("GET", path).auth().send().status()).as(path).isEqualTo(404);
        }
        // each wrong password costs a deliberately slow hash: one path is enough
        error(admin("GET", "/realms/default/stats", basic("admin", "wrong-password-789")), 401);
        error(admin("GET", "/realms/default/users", basic("bootstrap", ScimHttp.TOKEN)), 401);
        assertThat(basicGet("/realms/default/stats").status()).isEqualTo(200);
        assertThat(basicGet("/realms/default/users").status()).isEqualTo(200);
    }

    @Test
    void statsCountEachMinutesRequestsByOutcome() {
        // requests of earlier tests may still be on their way into the log (written every second, in batches)
        JsonObject before = settledStats();
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/Users?count=1").status()).isEqualTo(200);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(http.get("/Users/no-such-user-" + i).status()).isEqualTo(404);
        }
        assertThat(http.request("GET", "/Users").header("Authorization", "Bearer wrong-token").send().status())
                .isEqualTo(401);

        eventually(() -> json(basicGet("/realms/default/stats"), 200),
                s -> total(s, "requests") - total(before, "requests") >= 6);
        JsonObject after = settledStats();
        assertThat(total(after, "requests") - total(before, "requests")).isEqualTo(6);
        assertThat(total(after, "success") - total(before, "success")).isEqualTo(3);
        assertThat(total(after, "clientErrors") - total(before, "clientErrors")).isEqualTo(3);
        assertThat(total(after, "serverErrors") - total(before, "serverErrors")).isZero();

        JsonObject recent = after.getJsonObject("recent");
        assertThat(recent.getInt("minutes")).isEqualTo(15);
        long recentRequests = recent.getJsonNumber("requests").longValue();
        assertThat(recentRequests).isGreaterThanOrEqualTo(6);
        assertThat(recent.getJsonNumber("errorRate").doubleValue()).isCloseTo(
                (double) (recent.getJsonNumber("clientErrors").longValue()
                        + recent.getJsonNumber("serverErrors").longValue()) / recentRequests,
                org.assertj.core.data.Offset.offset(1e-9));

        Instant from = Instant.parse(after.getString("from"));
        Instant to = Instant.parse(after.getString("to"));
        assertThat(ChronoUnit.HOURS.between(from, to)).isEqualTo(24);
        long sum = 0;
        Instant previous = Instant.MIN;
        for (JsonValue value : after.getJsonArray("minutes")) {
            JsonObject minute = value.asJsonObject();
            Instant start = Instant.parse(minute.getString("minute"));
            assertThat(start.getEpochSecond() % 60).as("a whole minute").isZero();
            assertThat(start).isAfterOrEqualTo(from).isBefore(to).isAfter(previous);
            previous = start;
            long requests = minute.getJsonNumber("success").longValue()
                    + minute.getJsonNumber("clientErrors").longValue() + minute.getJsonNumber("serverErrors").longValue();
            assertThat(requests).isPositive();
            sum += requests;
        }
        assertThat(sum).as("the minutes add up to the totals").isEqualTo(total(after, "requests"));
        Instant now = Instant.now();
        assertThat(Instant.parse(last(after.getJsonArray("minutes")).getString("minute")))
                .isAfter(now.minusSeconds(180)).isBefore(now.plusSeconds(60));

        JsonObject hour = json(basicGet("/realms/default/stats?hours=1"), 200);
        assertThat(ChronoUnit.MINUTES.between(Instant.parse(hour.getString("from")),
                Instant.parse(hour.getString("to")))).isEqualTo(60);
        assertThat(error(basicGet("/realms/default/stats?hours=0"), 400)).contains("hours");
        assertThat(error(basicGet("/realms/default/stats?hours=x"), 400)).contains("hours");
        error(basicGet("/realms/nowhere/stats"), 404);
    }

    @Test
    void usersAndGroupsAreReadWithScimFiltersAndPaging() {
        String prefix = "reader-" + unique();
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Reply user = http.post("/Users", "{\"schemas\":[\"" + USER + "\"],\"userName\":\"" + prefix + "-" + i
                    + "@example.com\",\"displayName\":\"Reader " + i + "\",\"title\":\"t" + i + "\"}");
            assertThat(user.status()).as(user.text()).isEqualTo(201);
            ids[i] = user.json().getString("id");
        }
        String groupName = "Readers " + unique();
        Reply group = http.post("/Groups", "{\"schemas\":[\"" + GROUP + "\"],\"displayName\":\"" + groupName
                + "\",\"members\":[{\"value\":\"" + ids[0] + "\"},{\"value\":\"" + ids[1] + "\"}]}");
        assertThat(group.status()).as(group.text()).isEqualTo(201);
        String groupId = group.json().getString("id");

        JsonObject one = json(basicGet("/realms/default/users?filter="
                + encode("userName eq \"" + prefix + "-0@example.com\"")), 200);
        assertThat(one.getInt("totalResults")).isEqualTo(1);
        JsonObject user = one.getJsonArray("Resources").getJsonObject(0);
        assertThat(user.getString("id")).isEqualTo(ids[0]);
        assertThat(user.getJsonObject("meta").getString("location")).isEqualTo(http.scim() + "/Users/" + ids[0]);
        assertThat(user.getJsonArray("groups").getJsonObject(0).getString("value")).isEqualTo(groupId);
        assertThat(user.toString()).isEqualTo(http.get("/Users/" + ids[0]).json().toString())
                .as("the same representation as SCIM's");
        assertThat(json(basicGet("/realms/default/users/" + ids[0]), 200)).isEqualTo(user);

        JsonObject page = json(basicGet("/realms/default/users?filter=" + encode("userName sw \"" + prefix + "\"")
                + "&sortBy=userName&sortOrder=descending&startIndex=2&count=1"), 200);
        assertThat(page.getInt("totalResults")).isEqualTo(3);
        assertThat(page.getInt("startIndex")).isEqualTo(2);
        assertThat(page.getInt("itemsPerPage")).isEqualTo(1);
        assertThat(page.getJsonArray("Resources").getJsonObject(0).getString("id")).isEqualTo(ids[1]);
        assertThat(error(basicGet("/realms/default/users?filter=" + encode("userName zz \"x\"")), 400))
                .contains("operator");
        assertThat(error(basicGet("/realms/default/users/no-such-id"), 404)).contains("no-such-id");
        error(basicGet("/realms/nowhere/users"), 404);

        JsonObject groups = json(basicGet("/realms/default/groups?filter="
                + encode("displayName eq \"" + groupName + "\"")), 200);
        assertThat(groups.getInt("totalResults")).isEqualTo(1);
        JsonObject listed = groups.getJsonArray("Resources").getJsonObject(0);
        assertThat(listed.getInt("memberCount")).isEqualTo(2);
        assertThat(listed.containsKey("members")).as("members are paged separately").isFalse();
        assertThat(listed.getJsonObject("meta").getString("location")).isEqualTo(http.scim() + "/Groups/" + groupId);
        assertThat(json(basicGet("/realms/default/groups/" + groupId), 200)).isEqualTo(listed);

        JsonObject first = json(basicGet("/realms/default/groups/" + groupId + "/members?count=1"), 200);
        assertThat(first.getInt("totalResults")).isEqualTo(2);
        assertThat(first.getInt("itemsPerPage")).isEqualTo(1);
        JsonObject member = first.getJsonArray("members").getJsonObject(0);
        JsonObject second = json(basicGet("/realms/default/groups/" + groupId + "/members?startIndex=2&count=1"), 200)
                .getJsonArray("members").getJsonObject(0);
        assertThat(List.of(member.getString("value"), second.getString("value"))).containsExactly(ids[0], ids[1]);
        assertThat(member.getString("userName")).isEqualTo(prefix + "-0@example.com");
        assertThat(member.getString("display")).isEqualTo("Reader 0");
        assertThat(json(basicGet("/realms/default/groups/" + groupId + "/members"), 200).getJsonArray("members"))
                .hasSize(2);
        error(basicGet("/realms/default/groups/no-such-group/members"), 404);
    }

    @Test
    void theConsoleIsServedWithItsSecurityHeaders() {
        Reply page = http.request("GET", http.root() + "/admin/").send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.text()).contains("js/main.js");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        Reply script = http.request("GET", http.root() + "/admin/js/main.js").send();
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).startsWith("text/javascript");
    }

    /** The statistics once the log has had no new entries for a few flush intervals. */
    private JsonObject settledStats() {
        JsonObject previous = json(basicGet("/realms/default/stats"), 200);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            pause(2500);
            JsonObject current = json(basicGet("/realms/default/stats"), 200);
            if (current.getJsonObject("totals").equals(previous.getJsonObject("totals"))) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("The provisioning log did not settle: " + previous.getJsonObject("totals"));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long total(JsonObject stats, String name) {
        return stats.getJsonObject("totals").getJsonNumber(name).longValue();
    }

    private static JsonObject last(JsonArray array) {
        return array.getJsonObject(array.size() - 1);
    }

    /** A request to the admin API as the console makes it: a cookie, and the console's header or not. */
    private Reply api(String method, String path, String body, String cookie, boolean consoleHeader) {
        ScimHttp.Request request = http.request(method, http.root() + "/api/admin" + path)
                .header("Accept", "application/json");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        if (consoleHeader) {
            request.header(CONSOLE, "1");
        }
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        return request.send();
    }

    private Reply admin(String method, String path, String authorization) {
        return http.request(method, http.root() + "/api/admin" + path).header("Accept", "application/json")
                .header("Authorization", authorization).send();
    }

    private Reply basicGet(String path) {
        return admin("GET", path, basic("admin", ADMIN_PASSWORD));
    }

    private static JsonObject json(Reply reply, int status) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/json");
        return reply.json();
    }

    /** The error message of a JSON error answer with this status. */
    private static String error(Reply reply, int status) {
        JsonObject body = json(reply, status);
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("error")).isNotBlank().doesNotContain("Exception");
        return body.getString("error");
    }

    private static String signIn(String password) {
        return "{\"name\":\"admin\",\"password\":\"" + password + "\"}";
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
