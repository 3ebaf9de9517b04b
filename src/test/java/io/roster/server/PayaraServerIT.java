package io.roster.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.testing.OktaRunscope;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Roster on full Payara Server as ops run it (profile {@code payara-server}): {@code scripts/payara-server.sh}
 * unpacked the server, bound it to loopback, created the JDBC pool and resource {@code jdbc/roster} (H2, or
 * PostgreSQL with {@code -Dpayara.server.pg-url}), the file-realm users and Roster's system properties with the
 * README's asadmin commands and deployed the WAR of the normal build. These tests are clients of that server; the
 * last one stops it and reads the ops-created database directly.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PayaraServerIT {

    private static final String USER = "realm-made@example.com";

    private static Properties server;
    private static String root;
    private static String token;

    @BeforeAll
    static void readServer() throws IOException {
        server = new Properties();
        try (Reader reader = Files.newBufferedReader(directory().resolve("server.env"))) {
            server.load(reader);
        }
        root = "http://127.0.0.1:" + server.getProperty("HTTP_PORT");
        token = System.getProperty("payara.server.token");
    }

    @Test
    @Order(1)
    void theWarOfTheNormalBuildIsDeployedAndHealthShowsTheOpsDataSource() throws Exception {
        Path built = Path.of(System.getProperty("roster.war")).toAbsolutePath();
        assertThat(Path.of(server.getProperty("WAR"))).isEqualTo(built);
        assertThat(sha256(directory().resolve("deployed.sha256"))).as("no profile-specific build")
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(built))));

        for (String path : new String[] {"/health", "/health/ready"}) {
            HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(root + path)));
            assertThat(health.statusCode()).as(path).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"dataSource\":\"jdbc/roster\"")
                    .contains("\"database\":\"" + (postgres() ? "PostgreSQL" : "H2") + "\"");
            assertThat(health.version()).as("HTTP/2 off, as the README's set-up says").isEqualTo(HttpClient.Version.HTTP_1_1);
        }
        assertThat(serverLog()).contains("Roster started").contains("data source jdbc/roster");
    }

    @Test
    @Order(2)
    void oktasSpecSuitePasses() throws Exception {
        assertThat(OktaRunscope.available()).as("Node and " + OktaRunscope.suite() + " (install nodejs)").isTrue();
        // the suite starts by reading the first user, and its optional Groups step needs a group
        HttpResponse<String> user = send(scim("/Users", "Bearer " + token).POST(HttpRequest.BodyPublishers
                .ofString("{\"userName\":\"okta-seed@example.com\",\"name\":{\"givenName\":\"Okta\","
                        + "\"familyName\":\"Seed\"},\"emails\":[{\"value\":\"okta-seed@example.com\","
                        + "\"type\":\"work\",\"primary\":true}]}")));
        assertThat(user.statusCode()).isEqualTo(201);
        HttpResponse<String> group = send(scim("/Groups", "Bearer " + token).POST(HttpRequest.BodyPublishers
                .ofString("{\"displayName\":\"Payara Server Group\",\"members\":[{\"value\":\""
                        + field(user.body(), "id") + "\"}]}")));
        assertThat(group.statusCode()).isEqualTo(201);

        String output = OktaRunscope.run(root + "/scim/v2", "Bearer " + token);
        System.out.println(output);
        assertThat(output).containsPattern("(?m)^12 passed, 0 failed$");
    }

    @Test
    @Order(3)
    void aFileRealmUserInRosterScimProvisionsWithBasic() throws Exception {
        HttpResponse<String> created = send(scim("/Users", basic("scim-ops", "Ops-Secret-1"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"userName\":\"" + USER + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");

        HttpResponse<String> read = send(scim("/Users/" + id, basic("scim-ops", "Ops-Secret-1")));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains(USER);
    }

    @Test
    @Order(4)
    void aRealmUserOutsideTheGroupGets403AndAWrongPassword401() throws Exception {
        HttpResponse<String> outsider = send(scim("/Users", basic("outsider", "Ops-Secret-3")));
        assertThat(outsider.statusCode()).isEqualTo(403);
        assertThat(outsider.body()).contains("roster-scim");

        assertThat(send(scim("/Users", basic("scim-ops", "wrong-password"))).statusCode()).isEqualTo(401);
        assertThat(send(adminApi("/realms", basic("outsider", "Ops-Secret-3"))).statusCode()).isEqualTo(403);
        assertThat(send(adminApi("/realms", basic("scim-ops", "Ops-Secret-1"))).statusCode())
                .as("the SCIM group is not the admin group").isEqualTo(403);
    }

    @Test
    @Order(5)
    void aRealmUserInRosterAdminReachesTheAdminApiWhichLogsTheRealmUsersName() throws Exception {
        HttpResponse<String> realms = send(adminApi("/realms", basic("admin-ops", "Ops-Secret-2")));
        assertThat(realms.statusCode()).isEqualTo(200);
        assertThat(realms.body()).contains("\"name\":\"default\"");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String log;
        do {
            Thread.sleep(500);
            log = send(adminApi("/realms/default/log?serviceAccount=scim-ops", basic("admin-ops", "Ops-Secret-2")))
                    .body();
        } while (!log.contains("\"status\":201") && System.nanoTime() < deadline);
        assertThat(log).contains("\"serviceAccount\":\"scim-ops\"").contains("\"status\":201");
    }

    @Test
    @Order(6)
    void metricsAndTheServerLogShowTheRequests() throws Exception {
        HttpResponse<String> metrics = send(HttpRequest.newBuilder(URI.create(root + "/metrics?scope=application")));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("roster_scim_requests_total").contains("roster_scim_request_duration");

        // roster.log.server-log=true: one JSON line per request, logger io.roster.provisioning
        assertThat(serverLog()).contains("io.roster.provisioning")
                .containsPattern("\\{\"event\":\"scim-request\",[^\\n]*\"serviceAccount\":\"scim-ops\","
                        + "\"method\":\"POST\",[^\\n]*\"status\":201")
                .doesNotContain("Ops-Secret-1").doesNotContain(token);
    }

    /** Last: stops the domain (the profile's own stop then finds it stopped) and opens its database directly. */
    @Test
    @Order(7)
    void theDataLandsInTheDatabaseOfTheOpsCreatedJdbcResource() throws Exception {
        Process stop = new ProcessBuilder("bash", "scripts/payara-server.sh", "stop", directory().toString())
                .inheritIO().start();
        assertThat(stop.waitFor(120, TimeUnit.SECONDS)).isTrue();

        try (Connection connection = DriverManager.getConnection(server.getProperty("DB_URL"),
                server.getProperty("DB_USER"), server.getProperty("DB_PASSWORD"))) {
            assertThat(count(connection, "select count(*) from scim_user where user_name = ?", USER)).isEqualTo(1);
            assertThat(count(connection, "select count(*) from scim_group where display_name = ?",
                    "Payara Server Group")).isEqualTo(1);
            assertThat(count(connection, "select count(*) from provisioning_log where service_account = ?",
                    "scim-ops")).isPositive();
        }
    }

    private static long count(Connection connection, String sql, String value) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private static boolean postgres() {
        return server.getProperty("DB_URL").startsWith("jdbc:postgresql:");
    }

    private static Path directory() {
        return Path.of(System.getProperty("payara.server.dir", "target/payara-server"));
    }

    private static String serverLog() throws IOException {
        return Files.readString(Path.of(server.getProperty("DOMAIN_DIR"), "logs", "server.log"));
    }

    private static String sha256(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).trim().split("\\s+")[0];
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder scim(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(root + "/scim/v2" + path))
                .header("Authorization", authorization).header("Content-Type", "application/scim+json");
    }

    private static HttpRequest.Builder adminApi(String path, String authorization) {
        return HttpRequest.newBuilder(URI.create(root + "/api/admin" + path)).header("Authorization", authorization);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).as("%s in %s", name, json).isTrue();
        return matcher.group(1);
    }
}
