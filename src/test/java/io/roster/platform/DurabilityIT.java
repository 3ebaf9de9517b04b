package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bundle under crashes and database outages: a {@code kill -9} in the middle of concurrent creates and
 * membership PATCHes loses no acknowledged write and leaves nothing half-written, on the default H2 file database
 * and on PostgreSQL; with PostgreSQL stopped, requests fail fast with 503 and {@code Retry-After}, and when it is
 * back the same process serves again.
 *
 * <p>These tests start their own databases (an H2 file, a throwaway PostgreSQL cluster), so they run once, in the
 * default pass of the suite, and are skipped when the suite is pointed at a PostgreSQL server ({@code it.db.url}).
 */
class DurabilityIT {

    private static final String TOKEN = "durability-test-token-0123456789abcdef";
    private static final Duration FAIL_FAST = Duration.ofSeconds(5);

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void onlyInTheDefaultPass() {
        assumeFalse(System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:"),
                "runs in the default pass: it starts its own H2 file and PostgreSQL cluster");
    }

    @Test
    void killedServerLosesNoAcknowledgedWriteOnH2File() throws Exception {
        crashAndVerify(Map.of("ROSTER_BOOTSTRAP_TOKEN", TOKEN));
    }

    @Test
    void killedServerLosesNoAcknowledgedWriteOnPostgres() throws Exception {
        assumeTrue(ThrowawayPostgres.available(), "PostgreSQL is not installed (.ci/run installs it)");
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start()) {
            crashAndVerify(environment(postgres));
        }
    }

    @Test
    void databaseOutageAnswers503FastAndHealsWithoutRestart() throws Exception {
        assumeTrue(ThrowawayPostgres.available(), "PostgreSQL is not installed (.ci/run installs it)");
        try (ThrowawayPostgres postgres = ThrowawayPostgres.start();
                RunningBundle roster = RunningBundle.start(workingDirectory, environment(postgres), true)) {
            Scim scim = new Scim(roster.root());
            String id = field(scim.expect(201, scim.post("/Users", user("before.outage@example.com"))), "id");

            Background load = new Background(scim, id);
            load.start();
            Thread.sleep(1_000);
            postgres.pause();
            load.markOutageStarted();
            Thread.sleep(1_000);

            List<HttpResponse<String>> duringOutage = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                duringOutage.add(scim.timed(() -> scim.get("/Users/" + id)));
                duringOutage.add(scim.timed(() -> scim.post("/Users", user("during" + System.nanoTime() + "@example.com"))));
                duringOutage.add(scim.timed(() -> scim.get("/Users?filter=userName%20eq%20%22before.outage@example.com%22")));
                duringOutage.add(scim.timed(() -> scim.patch("/Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:"
                        + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")));
            }
            for (HttpResponse<String> reply : duringOutage) {
                assertUnavailable(reply);
            }
            HttpResponse<String> readiness = scim.client.send(HttpRequest.newBuilder(URI.create(roster.root()
                    + "/health/ready")).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");

            postgres.resume();
            long resumed = System.nanoTime();
            HttpResponse<String> back = scim.get("/Users/" + id);
            while (back.statusCode() != 200 && System.nanoTime() - resumed < TimeUnit.SECONDS.toNanos(30)) {
                Thread.sleep(200);
                back = scim.get("/Users/" + id);
            }
            assertThat(back.statusCode()).as("served again within 30 s, same process: %s", back.body()).isEqualTo(200);
            scim.expect(201, scim.post("/Users", user("after.outage@example.com")));
            load.stop();

            assertThat(load.statuses()).as("only successes and 503s under load, never 500").contains(503)
                    .isSubsetOf(200, 503);
            assertThat(load.slowest()).as("requests failed fast during the outage").isLessThan(FAIL_FAST);
            assertThat(roster.log()).doesNotContain(TOKEN);
        }
    }

    // --- the crash -------------------------------------------------------------------------------------------

    private void crashAndVerify(Map<String, String> environment) throws Exception {
        Ledger ledger = new Ledger();
        List<String> groups = new ArrayList<>();
        try (RunningBundle roster = RunningBundle.start(workingDirectory, environment, true)) {
            Scim scim = new Scim(roster.root());
            for (int g = 0; g < 3; g++) {
                groups.add(field(scim.expect(201, scim.post("/Groups", "{\"displayName\":\"Crash " + g + "\"}")), "id"));
            }
            Writers writers = new Writers(scim, groups, ledger);
            writers.start(8);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (ledger.users.size() < 150 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            roster.kill();
            writers.stop();
        }
        assertThat(ledger.users).as("acknowledged creates before the kill").hasSizeGreaterThan(20);
        assertThat(ledger.memberships()).as("acknowledged membership PATCHes before the kill").isGreaterThan(10);

        try (RunningBundle restarted = RunningBundle.start(workingDirectory, environment, true)) {
            Scim scim = new Scim(restarted.root());
            JsonObject everyone = json(scim.expect(200, scim.get("/Users?count=1000&attributes=userName,emails")));
            Map<String, JsonObject> stored = new HashMap<>();
            everyone.getJsonArray("Resources").forEach(u -> stored.put(u.asJsonObject().getString("id"), u.asJsonObject()));
            assertThat(everyone.getInt("totalResults")).isEqualTo(stored.size());

            ledger.users.forEach((id, userName) -> {
                assertThat(stored).as("acknowledged user %s", userName).containsKey(id);
                assertThat(stored.get(id).getString("userName")).isEqualTo(userName);
            });
            stored.values().forEach(user -> assertThat(user.getJsonArray("emails"))
                    .as("no user without its emails: %s", user).hasSize(2));
            int withWorkEmail = json(scim.expect(200, scim.get("/Users?count=0&filter="
                    + "emails%5Btype%20eq%20%22work%22%5D"))).getInt("totalResults");
            assertThat(withWorkEmail).as("every stored user is findable by its indexed email").isEqualTo(stored.size());

            for (String group : groups) {
                JsonObject read = json(scim.expect(200, scim.get("/Groups/" + group)));
                Set<String> members = read.containsKey("members") ? read.getJsonArray("members").stream()
                        .map(m -> m.asJsonObject().getString("value")).collect(Collectors.toSet()) : Set.of();
                assertThat(members).as("acknowledged members of %s", group)
                        .containsAll(ledger.members.getOrDefault(group, Set.of()));
                assertThat(stored.keySet()).as("no membership of a missing user").containsAll(members);
            }
            // the restarted server takes writes again
            scim.expect(201, scim.post("/Users", user("after.crash@example.com")));
        }
    }

    /** Acknowledged (2xx) writes: user id → userName, group id → member ids. */
    private static final class Ledger {
        final Map<String, String> users = new ConcurrentHashMap<>();
        final Map<String, Set<String>> members = new ConcurrentHashMap<>();

        int memberships() {
            return members.values().stream().mapToInt(Set::size).sum();
        }
    }

    /** Clients creating users with emails and adding each to a group, until the server dies. */
    private static final class Writers {
        private final Scim scim;
        private final List<String> groups;
        private final Ledger ledger;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger sequence = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();

        Writers(Scim scim, List<String> groups, Ledger ledger) {
            this.scim = scim;
            this.groups = groups;
            this.ledger = ledger;
        }

        void start(int count) {
            for (int t = 0; t < count; t++) {
                Thread thread = new Thread(this::write, "crash-writer-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        private void write() {
            while (!stopped.get()) {
                int i = sequence.incrementAndGet();
                String userName = "Crash." + i + "@Example.com";
                try {
                    HttpResponse<String> created = scim.post("/Users", user(userName));
                    if (created.statusCode() != 201) {
                        continue;
                    }
                    String id = field(created.body(), "id");
                    ledger.users.put(id, userName);
                    String group = groups.get(i % groups.size());
                    HttpResponse<String> added = scim.patch("/Groups/" + group, "{\"schemas\":[\"urn:ietf:params:scim:api:"
                            + "messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"add\",\"path\":\"members\","
                            + "\"value\":[{\"value\":\"" + id + "\"}]}]}");
                    if (added.statusCode() == 204) {
                        ledger.members.computeIfAbsent(group, g -> ConcurrentHashMap.newKeySet()).add(id);
                    }
                } catch (IOException | InterruptedException dead) {
                    // the server was killed: this write was never acknowledged
                }
            }
        }
    }

    /** Light traffic through an outage, recording every status and the slowest answer. */
    private static final class Background {
        private final Scim scim;
        private final String id;
        private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile Duration slowest = Duration.ZERO;
        private volatile boolean outage;
        private Thread thread;

        Background(Scim scim, String id) {
            this.scim = scim;
            this.id = id;
        }

        void start() {
            thread = new Thread(() -> {
                while (!stopped.get()) {
                    try {
                        long start = System.nanoTime();
                        HttpResponse<String> reply = scim.get("/Users/" + id);
                        Duration took = Duration.ofNanos(System.nanoTime() - start);
                        statuses.add(reply.statusCode());
                        if (outage && took.compareTo(slowest) > 0) {
                            slowest = took;
                        }
                        if (reply.statusCode() == 503) {
                            assertUnavailable(reply);
                        }
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException | AssertionError e) {
                        statuses.add(-1);
                    }
                }
            }, "outage-load");
            thread.start();
        }

        void markOutageStarted() {
            outage = true;
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }

        Set<Integer> statuses() {
            return Set.copyOf(statuses);
        }

        Duration slowest() {
            return slowest;
        }
    }

    private static void assertUnavailable(HttpResponse<String> reply) {
        assertThat(reply.statusCode()).as("%s", reply.body()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).as("Retry-After").hasValueSatisfying(
                value -> assertThat(Integer.parseInt(value)).isPositive());
        JsonObject error = json(reply);
        assertThat(error.getJsonArray("schemas").getString(0)).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.getString("status")).isEqualTo("503");
        assertThat(error.getString("detail")).containsIgnoringCase("database");
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    private static Map<String, String> environment(ThrowawayPostgres postgres) {
        return Map.of("ROSTER_BOOTSTRAP_TOKEN", TOKEN, "ROSTER_DB_URL", postgres.url(),
                "ROSTER_DB_USER", "roster", "ROSTER_DB_PASSWORD", "roster");
    }

    private static String user(String userName) {
        String local = userName.toLowerCase();
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"Crash\",\"familyName\":\"Test\"},\"emails\":["
                + "{\"value\":\"" + local + "\",\"type\":\"work\",\"primary\":true},"
                + "{\"value\":\"home." + local + "\",\"type\":\"home\"}]}";
    }

    private static JsonObject json(HttpResponse<String> reply) {
        return json(reply.body());
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String field(String body, String name) {
        JsonValue value = Json.createReader(new StringReader(body)).readObject().get(name);
        return ((jakarta.json.JsonString) value).getString();
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private static final class Scim {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final String base;

        Scim(String root) {
            this.base = root + "/scim/v2";
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return send(request(path).GET());
        }

        HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
            return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> patch(String path, String body) throws IOException, InterruptedException {
            return send(request(path).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
        }

        /** The answer, which must come within {@link #FAIL_FAST}. */
        HttpResponse<String> timed(Call call) throws IOException, InterruptedException {
            long start = System.nanoTime();
            HttpResponse<String> reply = call.send();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered fast: %s", reply.body())
                    .isLessThan(FAIL_FAST);
            return reply;
        }

        String expect(int status, HttpResponse<String> reply) {
            assertThat(reply.statusCode()).as("%s", reply.body()).isEqualTo(status);
            return reply.body();
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "application/scim+json");
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
