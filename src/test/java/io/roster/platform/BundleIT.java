package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.OktaRunscope;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle as an operator runs it: {@code java -jar roster.jar} on the default H2 file database under
 * {@code ./data/}, configured by environment variables; data survives a restart; Okta's own Runscope SPEC suite
 * passes against it.
 */
class BundleIT {

    private static final String TOKEN = "bundle-test-token-0123456789abcdef";
    private static final String PASSWORD = "Sup3r-Secret-Passw0rd";

    @TempDir
    Path workingDirectory;

    @Test
    void dataSurvivesRestartOnTheDefaultH2FileDatabase() throws Exception {
        String id;
        try (RunningBundle roster = RunningBundle.start(workingDirectory, TOKEN)) {
            assertThat(roster.log()).containsPattern("Roster started: SCIM base URL http://\\S+:\\d+/scim/v2, database H2")
                    .doesNotContain(TOKEN)
                    .as("the defaults need no configuration, and Payara warns of none missing")
                    .doesNotContain("no value found");
            HttpResponse<String> health = roster.send(HttpRequest.newBuilder(URI.create(roster.root() + "/health")));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("database");
            assertThat(health.version()).as("Java's client asks for HTTP/2 (Upgrade: h2c); the bundle stays with "
                    + "HTTP/1.1, whose requests Grizzly does not hold on to (src/main/bundle/pre-boot-commands.asadmin)")
                    .isEqualTo(HttpClient.Version.HTTP_1_1);

            HttpResponse<String> created = roster.send(scim(roster, "/Users").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"userName\":\"Survivor@Example.com\",\"name\":{\"givenName\":\"Sur\",\"familyName\":\"Vivor\"},"
                            + "\"emails\":[{\"value\":\"survivor@example.com\",\"type\":\"work\",\"primary\":true}],"
                            + "\"password\":\"" + PASSWORD + "\"}"))
                    .header("Content-Type", "application/scim+json"));
            assertThat(created.statusCode()).isEqualTo(201);
            id = field(created.body(), "id");

            // Okta's optional Groups step passes only when at least one group exists
            HttpResponse<String> group = roster.send(scim(roster, "/Groups").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"displayName\":\"Bundle Group\",\"members\":[{\"value\":\"" + id + "\"}]}"))
                    .header("Content-Type", "application/scim+json"));
            assertThat(group.statusCode()).isEqualTo(201);

            // the unique indexes decide a taken userName or displayName (no query before the write)
            HttpResponse<String> takenUserName = roster.send(scim(roster, "/Users").POST(HttpRequest.BodyPublishers
                    .ofString("{\"userName\":\"SURVIVOR@example.com\"}")).header("Content-Type", "application/scim+json"));
            assertThat(takenUserName.statusCode()).isEqualTo(409);
            assertThat(takenUserName.body()).contains("\"scimType\":\"uniqueness\"");
            HttpResponse<String> takenDisplayName = roster.send(scim(roster, "/Groups").POST(HttpRequest.BodyPublishers
                    .ofString("{\"displayName\":\"bundle group\"}")).header("Content-Type", "application/scim+json"));
            assertThat(takenDisplayName.statusCode()).isEqualTo(409);
            assertThat(takenDisplayName.body()).contains("\"scimType\":\"uniqueness\"");
            assertThat(roster.log()).as("a taken name is the client's mistake, answered 409: EclipseLink logs no warning "
                            + "with a stack trace and the taken value for it (AnsweredUniqueViolations)")
                    .doesNotContain("EclipseLink-4002").doesNotContainIgnoringCase("survivor@example.com");

            runscopeSuite(roster);
            assertThat(roster.systemProperty("jdk.nio.maxCachedBufferSize"))
                    .as("the bundle caps the JDK's per-thread temporary direct buffers (src/main/bundle/system.properties)")
                    .isEqualTo("262144");
            // it-preboot.asadmin binds the HTTP listener to loopback; the bundle itself must open nothing else
            assertThat(roster.listeningSockets())
                    .as("the bundle's only listening socket is HTTP: no Hazelcast cluster port, which Payara Micro opens "
                            + "even with --nocluster unless switched off (src/main/bundle/pre-boot-commands.asadmin)")
                    .extracting(InetSocketAddress::getPort).containsExactly(roster.port());
            assertThat(roster.log()).doesNotContain("Hazelcast Instance Bound");
            assertThat(roster.log())
                    .as("the bundle's trust store holds no expired certificate, of which Payara warns at every start "
                            + "(src/main/bundle/PruneExpiredCertificates.java)")
                    .doesNotContain("has expired");
            assertThat(roster.log()).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        }
        assertThat(Files.isDirectory(workingDirectory.resolve("data"))).as("H2 files under ./data").isTrue();

        assertThat(databaseFiles()).as("token and password are stored only as hashes")
                .doesNotContain(TOKEN).doesNotContain(PASSWORD).contains("PBKDF2WithHmacSHA256");

        String rotated = "rotated-" + TOKEN;
        try (RunningBundle restarted = RunningBundle.start(workingDirectory, rotated)) {
            HttpResponse<String> fetched = restarted.send(scim(restarted, "/Users/" + id, rotated));
            assertThat(fetched.statusCode()).isEqualTo(200);
            assertThat(fetched.body()).contains("\"userName\":\"Survivor@Example.com\"").contains("Bundle Group");
            assertThat(restarted.send(scim(restarted, "/Users/" + id, TOKEN)).statusCode())
                    .as("a new ROSTER_BOOTSTRAP_TOKEN replaces the old one").isEqualTo(401);
        }
    }

    private String databaseFiles() throws IOException {
        StringBuilder content = new StringBuilder();
        try (var files = Files.list(workingDirectory.resolve("data"))) {
            for (Path file : files.toList()) {
                content.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return content.toString();
    }

    /**
     * Without a token or a service account Roster says how to create one, and accepts no SCIM request; with
     * ROSTER_SCIM_DISCOVERY_PUBLIC=true its discovery endpoints, and nothing else, answer without credentials.
     */
    @Test
    void withoutTokenTheLogTellsHowToCreateOne() throws Exception {
        try (RunningBundle roster = RunningBundle.start(workingDirectory,
                Map.of("ROSTER_SCIM_DISCOVERY_PUBLIC", "true"), true)) {
            assertThat(roster.log()).contains("ROSTER_BOOTSTRAP_TOKEN is not set");
            HttpResponse<String> denied = roster.send(HttpRequest.newBuilder(URI.create(roster.root() + "/scim/v2/Users"))
                    .header("Authorization", "Bearer anything"));
            assertThat(denied.statusCode()).isEqualTo(401);
            for (String open : new String[] {"/scim/v2/ServiceProviderConfig", "/scim/v2/ResourceTypes",
                    "/scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User"}) {
                assertThat(roster.send(HttpRequest.newBuilder(URI.create(roster.root() + open))).statusCode())
                        .as(open).isEqualTo(200);
            }
            for (String closed : new String[] {"/scim/v2/Users", "/scim/v2/Groups", "/scim/v2/Roles",
                    "/realms/nowhere/scim/v2/ServiceProviderConfig"}) {
                assertThat(roster.send(HttpRequest.newBuilder(URI.create(roster.root() + closed))).statusCode())
                        .as(closed).isEqualTo(401);
            }
            assertThat(roster.send(HttpRequest.newBuilder(URI.create(roster.root() + "/scim/v2/Users"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(401);
        }
    }

    /** Readiness is DOWN with 503 when Roster cannot serve: here its database cannot be reached. */
    @Test
    void healthIsDownWhenTheDatabaseIsUnreachable() throws Exception {
        try (RunningBundle roster = RunningBundle.start(workingDirectory, Map.of(
                "ROSTER_BOOTSTRAP_TOKEN", TOKEN, "ROSTER_DB_URL", "jdbc:postgresql://127.0.0.1:1/roster"), false)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            // Roster's start-up fails during deployment; health is Payara's to answer only once it is ready
            while (!(roster.log().contains("Roster could not start") && roster.log().contains(" ready in "))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(roster.log()).contains("Roster could not start").doesNotContain(TOKEN);
            for (String path : List.of("/health", "/health/ready")) {
                HttpResponse<String> health = roster.send(HttpRequest.newBuilder(URI.create(roster.root() + path)));
                assertThat(health.statusCode()).as("%s: %s", path, health.body()).isEqualTo(503);
                assertThat(health.body()).contains("\"status\":\"DOWN\"");
            }
        }
    }

    /**
     * A custom schema in the database that Roster cannot use (edited there, or valid only for an older version)
     * stops its realm's SCIM API with a 500 that says what to do, is logged once, and stays visible and repairable
     * through the admin API; once it is deleted the realm works again.
     */
    @Test
    void anUnusableStoredSchemaStopsItsRealmUntilAnAdministratorRepairsIt() throws Exception {
        String urn = "urn:ietf:params:scim:schemas:extension:acme:2.0:User";
        String url = "jdbc:h2:file:" + workingDirectory.resolve("data/roster").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "roster", "roster").locations("classpath:db/migration")
                .placeholders(Map.of("document_type", "varchar(1000000)", "long_text_type", "varchar(65536)"))
                .load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "roster", "roster");
                PreparedStatement insert = connection.prepareStatement("insert into realm_schema (realm_id, urn_key, "
                        + "urn, resource_type, definition, created_at, updated_at) values ('default', ?, ?, 'User', ?, "
                        + "current_timestamp, current_timestamp)")) {
            insert.setString(1, urn.toLowerCase(Locale.ROOT));
            insert.setString(2, urn);
            insert.setString(3, "{\"attributes\": [{\"name\": \"photo\", \"type\": \"binary\"}]}");
            insert.executeUpdate();
        }
        String admin = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try (RunningBundle roster = RunningBundle.start(workingDirectory, Map.of("ROSTER_BOOTSTRAP_TOKEN", TOKEN,
                "ROSTER_ADMIN_PASSWORD", PASSWORD, "ROSTER_DB_URL", url), true)) {
            for (int attempt = 0; attempt < 2; attempt++) {
                HttpResponse<String> stopped = roster.send(scim(roster, "/Users"));
                assertThat(stopped.statusCode()).isEqualTo(500);
                assertThat(stopped.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error", "\"status\":\"500\"",
                        urn, "binary attributes cannot be defined", "PUT /api/admin/realms/default/schemas/" + urn);
                Thread.sleep(1_100); // past roster.schemas.cache-millis: the realm's schemas are read again
            }
            assertThat(roster.log().split("custom schema " + urn + " cannot be used", -1))
                    .as("logged once, not at every read").hasSize(2);

            HttpRequest.Builder schemas = HttpRequest.newBuilder(URI.create(roster.root()
                    + "/api/admin/realms/default/schemas")).header("Authorization", admin);
            HttpResponse<String> listed = roster.send(schemas);
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).contains(urn, "\"problem\":", "binary attributes cannot be defined", "photo");

            HttpResponse<String> deleted = roster.send(HttpRequest.newBuilder(URI.create(roster.root()
                    + "/api/admin/realms/default/schemas/" + urn)).header("Authorization", admin).DELETE());
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(roster.send(scim(roster, "/Users")).statusCode()).isEqualTo(200);
        }
    }

    /** Okta's published SPEC suite with its offline runner (shared/okta-runscope), when Node is installed. */
    private void runscopeSuite(RunningBundle roster) throws IOException, InterruptedException {
        if (!OktaRunscope.available()) {
            System.out.println("Runscope replay skipped: no Node or no " + OktaRunscope.suite());
            return;
        }
        String output = OktaRunscope.run(roster.root() + "/scim/v2", "Bearer " + TOKEN);
        System.out.println(output);
        assertThat(output).containsPattern("(?m)^12 passed, 0 failed$");
    }

    private static HttpRequest.Builder scim(RunningBundle roster, String path) {
        return scim(roster, path, TOKEN);
    }

    private static HttpRequest.Builder scim(RunningBundle roster, String path, String token) {
        return HttpRequest.newBuilder(URI.create(roster.root() + "/scim/v2" + path))
                .header("Authorization", "Bearer " + token);
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }
}
