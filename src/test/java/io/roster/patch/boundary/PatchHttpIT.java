package io.roster.patch.boundary;

import static io.roster.testing.ScimAssertions.assertError;
import static io.roster.testing.ScimAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.Reply;
import io.roster.testing.ScimHttp;
import io.roster.testing.ScimIT;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * PATCH over HTTP (RFC 7644 §3.5.2) and versions (§3.14): all-or-nothing requests, ETags and conditional requests,
 * 200 and 204 answers, and concurrent writers of one user that lose nothing.
 */
class PatchHttpIT extends ScimIT {

    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    // --- atomicity ---------------------------------------------------------------------------------------------

    /** RFC 7644 §3.5.2: "treated as atomic" — the first operation of a failing request is not applied either. */
    @Test
    void aPatchWhoseSecondOperationFailsChangesNothing() {
        JsonObject user = createUser("atomic");
        String id = user.getString("id");
        String version = version(user);

        JsonObject noTarget = assertError(http.patch("/Users/" + id, patch(
                "{\"op\": \"replace\", \"path\": \"displayName\", \"value\": \"Changed\"}",
                "{\"op\": \"replace\", \"path\": \"emails[value eq \\\"nobody@example.com\\\"]\", "
                        + "\"value\": {\"type\": \"home\"}}")), 400, "noTarget");
        assertThat(noTarget.getString("detail")).startsWith("Operations[1]");

        JsonObject mutability = assertError(http.patch("/Users/" + id, patch(
                "{\"op\": \"add\", \"path\": \"title\", \"value\": \"Guide\"}",
                "{\"op\": \"replace\", \"value\": {\"password\": \"n3w-Secret!\", \"nickName\": \"Babs\"}}",
                "{\"op\": \"replace\", \"path\": \"id\", \"value\": \"" + UUID.randomUUID() + "\"}")),
                400, "mutability");
        assertThat(mutability.getString("detail")).startsWith("Operations[2]");

        JsonObject required = assertError(http.patch("/Users/" + id, patch(
                "{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Guide\"}",
                "{\"op\": \"remove\", \"path\": \"userName\"}")), 400, "invalidValue");
        assertThat(required.getString("detail")).startsWith("Operations[1]").contains("userName");

        JsonObject after = assertOk(http.get("/Users/" + id), 200);
        assertThat(after.getString("displayName")).isEqualTo("atomic");
        assertThat(after.containsKey("title")).isFalse();
        assertThat(after.containsKey("nickName")).isFalse();
        assertThat(version(after)).as("no failed request wrote anything").isEqualTo(version);
    }

    // --- versions and conditional requests ----------------------------------------------------------------------

    /** Every write gets one new version; meta.version, the ETag header and the stored version agree. */
    @Test
    void everyChangeGetsOneNewVersionThatTheEtagHeaderShows() {
        Reply created = http.post("/Users", userBody("etag." + unique(), "etag"));
        JsonObject user = assertOk(created, 201);
        String id = user.getString("id");
        assertThat(version(user)).matches("W/\"\\d+\"");
        assertThat(created.header("ETag")).isEqualTo(version(user));
        assertThat(etagOfGet(id)).isEqualTo(version(user));

        Reply patched = http.patch("/Users/" + id,
                patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"A\"}"));
        JsonObject afterPatch = assertOk(patched, 200);
        assertThat(version(afterPatch)).isEqualTo(next(version(user)));
        assertThat(patched.header("ETag")).isEqualTo(version(afterPatch));
        assertThat(etagOfGet(id)).isEqualTo(version(afterPatch));

        // Okta's password sync: the password and the document are one write, one version
        Reply password = http.patch("/Users/" + id, patch(
                "{\"op\": \"replace\", \"value\": {\"password\": \"Sync-3d-Pa55\", \"title\": \"B\"}}"));
        JsonObject afterPassword = assertOk(password, 200);
        assertThat(version(afterPassword)).isEqualTo(next(version(afterPatch)));
        assertThat(password.header("ETag")).isEqualTo(version(afterPassword));
        assertThat(etagOfGet(id)).as("the version answered is the one stored").isEqualTo(version(afterPassword));

        JsonObject body = Json.createObjectBuilder(afterPassword).add("title", "C").build();
        Reply put = http.put("/Users/" + id, body.toString());
        JsonObject afterPut = assertOk(put, 200);
        assertThat(version(afterPut)).isEqualTo(next(version(afterPassword)));
        assertThat(put.header("ETag")).isEqualTo(version(afterPut));
        assertThat(etagOfGet(id)).isEqualTo(version(afterPut));

        // a write that changes nothing keeps the representation, and so its entity tag (RFC 7232 §2.3)
        Reply same = http.patch("/Users/" + id, patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"C\"}"));
        assertThat(version(assertOk(same, 200))).isEqualTo(version(afterPut));
        assertThat(assertOk(http.put("/Users/" + id, body.toString()), 200).getJsonObject("meta"))
                .isEqualTo(afterPut.getJsonObject("meta"));
    }

    @Test
    void ifMatchGuardsPutPatchAndDeleteOfUsers() {
        JsonObject user = createUser("guarded");
        String id = user.getString("id");
        String first = version(user);
        JsonObject changed = assertOk(conditional("PATCH", "/Users/" + id, "If-Match", first,
                patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Guide\"}")), 200);
        String second = version(changed);
        assertThat(second).isNotEqualTo(first);

        JsonObject stale = assertError(conditional("PATCH", "/Users/" + id, "If-Match", first,
                patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Stale\"}")), 412, null);
        assertThat(stale.getString("detail")).contains(second);
        String body = Json.createObjectBuilder(changed).add("title", "Stale").build().toString();
        assertError(conditional("PUT", "/Users/" + id, "If-Match", first, body), 412, null);
        assertError(conditional("DELETE", "/Users/" + id, "If-Match", first, null), 412, null);
        assertError(conditional("PATCH", "/Users/" + id, "If-Match", "\"no-such-version\"",
                patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"Stale\"}")), 412, null);
        JsonObject unchanged = assertOk(http.get("/Users/" + id), 200);
        assertThat(unchanged.getString("title")).as("no 412 changed anything").isEqualTo("Guide");
        assertThat(version(unchanged)).isEqualTo(second);

        assertOk(conditional("PUT", "/Users/" + id, "If-Match", "W/\"0\", " + second, body), 200);
        String third = etagOfGet(id);
        assertOk(conditional("PATCH", "/Users/" + id, "If-Match", "*",
                patch("{\"op\": \"add\", \"path\": \"nickName\", \"value\": \"Babs\"}")), 200);
        assertError(conditional("DELETE", "/Users/" + id, "If-Match", third, null), 412, null);
        Reply deleted = conditional("DELETE", "/Users/" + id, "If-Match", etagOfGet(id), null);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertError(http.get("/Users/" + id), 404, null);
    }

    @Test
    void ifNoneMatchOnGetAnswers304WhileTheVersionIsCurrent() {
        JsonObject user = createUser("cached");
        String id = user.getString("id");

        Reply notModified = conditional("GET", "/Users/" + id, "If-None-Match", version(user), null);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(version(user));
        assertThat(conditional("GET", "/Users/" + id, "If-None-Match", "*", null).status()).isEqualTo(304);

        assertOk(http.patch("/Users/" + id,
                patch("{\"op\": \"replace\", \"path\": \"title\", \"value\": \"New\"}")), 200);
        Reply modified = conditional("GET", "/Users/" + id, "If-None-Match", version(user), null);
        assertThat(assertOk(modified, 200).getString("title")).isEqualTo("New");
        assertThat(modified.header("ETag")).isNotEqualTo(version(user));
    }

    @Test
    void groupsHaveVersionsAndConditionalRequestsToo() {
        Reply created = http.post("/Groups", "{\"schemas\": [\"" + GROUP + "\"], \"displayName\": \"Versioned "
                + unique() + "\"}");
        JsonObject group = assertOk(created, 201);
        String id = group.getString("id");
        String first = version(group);
        assertThat(conditional("GET", "/Groups/" + id, "If-None-Match", first, null).status()).isEqualTo(304);

        String member = createUser("member").getString("id");
        Reply added = conditional("PATCH", "/Groups/" + id, "If-Match", first,
                patch("{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + member + "\"}]}"));
        assertThat(added.status()).as("%s", added).isEqualTo(204);
        String second = added.header("ETag");
        assertThat(second).isEqualTo(next(first));
        assertThat(version(assertOk(http.get("/Groups/" + id), 200))).isEqualTo(second);

        assertError(conditional("PATCH", "/Groups/" + id, "If-Match", first,
                patch("{\"op\": \"remove\", \"path\": \"members\"}")), 412, null);
        assertError(conditional("DELETE", "/Groups/" + id, "If-Match", first, null), 412, null);
        JsonObject unchanged = assertOk(http.get("/Groups/" + id), 200);
        assertThat(unchanged.getJsonArray("members")).hasSize(1);
        assertThat(version(unchanged)).isEqualTo(second);

        assertThat(conditional("DELETE", "/Groups/" + id, "If-Match", second, null).status()).isEqualTo(204);
    }

    @Test
    void serviceProviderConfigSaysEtagsAreSupported() {
        JsonObject config = assertOk(http.get("/ServiceProviderConfig"), 200);
        assertThat(config.getJsonObject("etag").getBoolean("supported")).isTrue();
    }

    // --- 200 and 204 -------------------------------------------------------------------------------------------

    /** Users answer PATCH with 200 and the user (Okta and Entra read it); groups with 204 unless asked. */
    @Test
    void usersAnswerPatchWith200AndGroupsWith204UnlessAttributesAreAsked() {
        String id = createUser("answers").getString("id");
        Reply user = http.patch("/Users/" + id,
                patch("{\"op\": \"Replace\", \"path\": \"active\", \"value\": \"False\"}"));
        JsonObject body = assertOk(user, 200);
        assertThat(body.getBoolean("active")).isFalse();
        assertThat(body.getString("id")).isEqualTo(id);
        Reply projected = http.patch("/Users/" + id + "?attributes=active",
                patch("{\"op\": \"replace\", \"value\": {\"active\": true}}"));
        assertThat(assertOk(projected, 200).keySet()).contains("id", "active").doesNotContain("userName");

        String group = assertOk(http.post("/Groups", "{\"displayName\": \"Answers " + unique() + "\"}"), 201)
                .getString("id");
        Reply noContent = http.patch("/Groups/" + group, patch(
                "{\"op\": \"add\", \"path\": \"members\", \"value\": [{\"value\": \"" + id + "\"}]}"));
        assertThat(noContent.status()).isEqualTo(204);
        assertThat(noContent.text()).isEmpty();
        assertThat(noContent.header("ETag")).startsWith("W/\"");
        Reply withBody = http.patch("/Groups/" + group + "?excludedAttributes=members",
                patch("{\"op\": \"replace\", \"path\": \"externalId\", \"value\": \"ext-" + unique() + "\"}"));
        JsonObject groupBody = assertOk(withBody, 200);
        assertThat(groupBody.containsKey("members")).isFalse();
        assertThat(withBody.header("ETag")).isEqualTo(version(groupBody));

        assertThat(http.delete("/Groups/" + group).status()).isEqualTo(204);
        assertThat(http.delete("/Users/" + id).status()).isEqualTo(204);
    }

    // --- concurrency -------------------------------------------------------------------------------------------

    /**
     * 40 writes of one user from 8 threads: PATCHes that each add a distinct role or email, and PUTs that read the
     * user and write it back renamed with If-Match. Nothing answers 5xx, every PATCH applies on the latest version
     * (writers of one user wait for each other's row lock), a PUT is either applied or refused with 412, and every
     * acknowledged change is in the final user, which has exactly one version per acknowledged write.
     */
    @Test
    void concurrentPatchesAndPutsOfOneUserLoseNothing() throws Exception {
        JsonObject user = createUser("contended");
        String id = user.getString("id");
        long firstVersion = number(version(user));

        List<Callable<Write>> writes = IntStream.range(0, 40).mapToObj(i -> (Callable<Write>) () -> switch (i % 4) {
            case 0 -> new Write("role", "role-" + i, http.patch("/Users/" + id, patch(
                    "{\"op\": \"add\", \"path\": \"roles\", \"value\": [{\"value\": \"role-" + i + "\"}]}")));
            case 2 -> new Write("email", "e" + i + "@contended.example", http.patch("/Users/" + id, patch(
                    "{\"op\": \"Add\", \"path\": \"emails\", \"value\": [{\"value\": \"e" + i
                            + "@contended.example\", \"type\": \"other\"}]}")));
            default -> renameWithIfMatch(id, "Renamed " + i);
        }).toList();
        List<Write> results = inParallel(writes, 8);

        assertThat(results).extracting(w -> w.reply().status())
                .as("%s", results.stream().map(w -> w.value() + " " + w.reply().status()).toList())
                .containsOnly(200, 412);
        Set<String> roles = acknowledged(results, "role");
        Set<String> emails = acknowledged(results, "email");
        Set<String> names = acknowledged(results, "name");
        assertThat(roles).as("PATCHes never need If-Match and never fail").hasSize(10);
        assertThat(emails).hasSize(10);

        JsonObject last = assertOk(http.get("/Users/" + id), 200);
        assertThat(values(last.getJsonArray("roles"))).containsExactlyInAnyOrderElementsOf(roles);
        assertThat(values(last.getJsonArray("emails"))).containsAll(emails).hasSize(emails.size() + 1);
        assertThat(last.getString("displayName")).as("the last acknowledged PUT's name, if any got through")
                .isIn(names.isEmpty() ? Set.of("contended") : names);
        assertThat(number(version(last))).as("one version per acknowledged write")
                .isEqualTo(firstVersion + roles.size() + emails.size() + names.size());
    }

    /** A PUT as Okta's AIW apps do it (GET, change, PUT), made safe with If-Match. */
    private Write renameWithIfMatch(String id, String name) {
        Reply read = http.get("/Users/" + id);
        JsonObject current = assertOk(read, 200);
        String body = Json.createObjectBuilder(current).add("displayName", name).build().toString();
        return new Write("name", name, conditional("PUT", "/Users/" + id, "If-Match", read.header("ETag"), body));
    }

    private record Write(String kind, String value, Reply reply) {
    }

    private static Set<String> acknowledged(List<Write> writes, String kind) {
        Set<String> values = new TreeSet<>();
        writes.stream().filter(w -> w.kind().equals(kind) && w.reply().status() == 200)
                .forEach(w -> values.add(w.value()));
        return values;
    }

    private static Set<String> values(JsonArray array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asJsonObject().getString("value")));
        }
        return values;
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private JsonObject createUser(String displayName) {
        return assertOk(http.post("/Users", userBody(displayName + "." + unique() + "@example.com", displayName)), 201);
    }

    private static String userBody(String userName, String displayName) {
        return Json.createObjectBuilder()
                .add("schemas", Json.createArrayBuilder().add(USER))
                .add("userName", userName)
                .add("displayName", displayName)
                .add("emails", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("value", userName).add("type", "work").add("primary", true)))
                .add("active", true)
                .build().toString();
    }

    private Reply conditional(String method, String path, String header, String tag, String body) {
        ScimHttp.Request request = http.request(method, path).auth().header(header, tag);
        return body == null ? request.send() : request.body(body).send();
    }

    private String etagOfGet(String id) {
        Reply reply = http.get("/Users/" + id);
        assertThat(reply.header("ETag")).isEqualTo(version(assertOk(reply, 200)));
        return reply.header("ETag");
    }

    private static String version(JsonObject resource) {
        return resource.getJsonObject("meta").getString("version");
    }

    private static long number(String version) {
        return Long.parseLong(version.substring(3, version.length() - 1));
    }

    private static String next(String version) {
        return "W/\"" + (number(version) + 1) + "\"";
    }

    private static String patch(String... operations) {
        return "{\"schemas\": [\"" + PATCH_OP + "\"], \"Operations\": [" + String.join(",", operations) + "]}";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
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
}
