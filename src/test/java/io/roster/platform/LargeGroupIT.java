package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group of 100,000 members read in full from the real bundle with a 256 MiB heap: the members are streamed from
 * the database to the client, never held in memory together. The population is written into the H2 file with
 * SQL before the server starts (through the API it would take minutes).
 */
class LargeGroupIT {

    private static final String TOKEN = "large-group-test-token-0123456789abcdef";
    private static final int MEMBERS = 100_000;
    private static final long FIRST_KEY = 10_000_000L; // far above what the server's sequences hand out

    @TempDir
    Path workingDirectory;

    @BeforeAll
    static void onlyInTheDefaultPass() {
        assumeFalse(System.getProperty("it.db.url", "").startsWith("jdbc:postgresql:"),
                "runs in the default pass: it prepares its own H2 file");
    }

    @Test
    void aHundredThousandMembersStreamThroughA256MiBHeap() throws Exception {
        String url = "jdbc:h2:file:" + workingDirectory.resolve("data/roster").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE";
        String groupId = populate(url);

        try (RunningBundle roster = RunningBundle.start(workingDirectory, Map.of("ROSTER_BOOTSTRAP_TOKEN", TOKEN,
                "ROSTER_DB_URL", url), true, "256m")) {
            HttpClient client = HttpClient.newHttpClient();
            long start = System.nanoTime();
            HttpResponse<InputStream> full = client.send(request(roster, "/Groups/" + groupId).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(full.statusCode()).isEqualTo(200);
            int members = countMemberValues(full.body());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.println("GET /Groups/{id} with " + members + " members: " + took.toMillis() + " ms");
            assertThat(members).isEqualTo(MEMBERS);

            HttpResponse<String> lean = client.send(request(roster, "/Groups/" + groupId
                    + "?excludedAttributes=members").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(lean.statusCode()).isEqualTo(200);
            assertThat(lean.body()).doesNotContain("\"members\"").contains("\"displayName\":\"Everyone\"");
            assertThat(roster.log()).doesNotContain("OutOfMemoryError");
        }
    }

    private static HttpRequest.Builder request(RunningBundle roster, String path) {
        return HttpRequest.newBuilder(URI.create(roster.root() + "/scim/v2" + path))
                .header("Authorization", "Bearer " + TOKEN).timeout(Duration.ofMinutes(2));
    }

    /** Counts the members' {@code value}s while reading, without keeping the document. */
    private static int countMemberValues(InputStream body) {
        int count = 0;
        int depth = 0;
        boolean inMembers = false;
        String key = null;
        try (JsonParser parser = Json.createParser(body)) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME -> {
                        key = parser.getString();
                        if (depth == 1 && key.equals("members")) {
                            inMembers = true;
                        }
                    }
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        if (depth == 1) {
                            inMembers = false;
                        }
                    }
                    case VALUE_STRING -> {
                        if (inMembers && depth == 3 && "value".equals(key)) {
                            count++;
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return count;
    }

    /** The schema by Roster's own migrations, a group "Everyone" and 100,000 users in it. */
    private static String populate(String url) throws Exception {
        Flyway.configure().dataSource(url, "roster", "roster").locations("classpath:db/migration")
                .placeholders(Map.of("document_type", "varchar(1000000)", "long_text_type", "varchar(65536)"))
                .load().migrate();
        String groupId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = DriverManager.getConnection(url, "roster", "roster")) {
            connection.setAutoCommit(false);
            try (PreparedStatement users = connection.prepareStatement("insert into scim_user (pk, id, realm_id, "
                    + "user_name, user_name_key, display_name, active, document, created_at, last_modified, version) "
                    + "select ? + x, random_uuid(), 'default', 'member' || x || '@large.example', "
                    + "'member' || x || '@large.example', 'Member ' || x, true, "
                    + "'{\"userName\":\"member' || x || '@large.example\",\"displayName\":\"Member ' || x || '\"}', "
                    + "?, ?, 1 from system_range(0, ?)")) {
                users.setLong(1, FIRST_KEY);
                users.setTimestamp(2, now);
                users.setTimestamp(3, now);
                users.setLong(4, MEMBERS - 1);
                users.executeUpdate();
            }
            try (PreparedStatement group = connection.prepareStatement("insert into scim_group (pk, id, realm_id, "
                    + "display_name, display_name_key, document, created_at, last_modified, version) values "
                    + "(?, ?, 'default', 'Everyone', 'everyone', '{\"displayName\":\"Everyone\"}', ?, ?, 1)")) {
                group.setLong(1, FIRST_KEY);
                group.setString(2, groupId);
                group.setTimestamp(3, now);
                group.setTimestamp(4, now);
                group.executeUpdate();
            }
            try (PreparedStatement members = connection.prepareStatement(
                    "insert into scim_group_member (group_pk, user_pk) select ?, pk from scim_user where pk >= ?")) {
                members.setLong(1, FIRST_KEY);
                members.setLong(2, FIRST_KEY);
                members.executeUpdate();
            }
            connection.commit();
        }
        return groupId;
    }
}
