package io.roster.groups.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The member cursor's SQL on H2 with the real migrations: every member of every group in key order, chunk by
 * chunk, and a plan in which the member table drives (key lookups in {@code scim_user}, never a scan of it).
 */
class MemberCursorTest {

    private Connection connection;
    private final List<String> executed = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        connection = DriverManager.getConnection("jdbc:h2:mem:cursor-" + UUID.randomUUID());
        for (String migration : List.of("V1__users_and_service_accounts.sql", "V2__groups.sql")) {
            migrate(migration);
        }
        execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, display_name, active, document, "
                + "created_at, last_modified, version) select x, 'user-' || x, 'default', 'u' || x, 'u' || x, "
                + "'User ' || x, true, '{}', current_timestamp, current_timestamp, 1 from system_range(1, 5000)");
        for (long group : List.of(1L, 2L, 3L)) {
            execute("insert into scim_group (pk, id, realm_id, display_name, display_name_key, document, created_at, "
                    + "last_modified, version) values (" + group + ", 'group-" + group + "', 'default', 'g" + group
                    + "', 'g" + group + "', '{}', current_timestamp, current_timestamp, 1)");
        }
        // group 1: 2,500 members (three chunks), group 2: 3 members, group 3: every third user
        execute("insert into scim_group_member select 1, x from system_range(1, 2500)");
        execute("insert into scim_group_member values (2, 10), (2, 20), (2, 4999)");
        execute("insert into scim_group_member select 3, x from system_range(1, 5000) where mod(x, 3) = 0");
        execute("analyze");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void readsEveryMemberOfEveryGroupInKeyOrderChunkByChunk() {
        MemberCursor cursor = new MemberCursor(entityManager(), List.of(1L, 2L, 3L));
        Map<Long, List<Long>> members = new TreeMap<>();
        for (long group = 1; group <= 3; group++) {
            List<Long> of = members.computeIfAbsent(group, g -> new ArrayList<>());
            cursor.forEachMemberOf(group, row -> {
                of.add(row.userPk());
                assertThat(row.id()).isEqualTo("user-" + row.userPk());
            });
        }

        assertThat(members.get(1L)).containsExactlyElementsOf(LongStream.rangeClosed(1, 2500).boxed().toList());
        assertThat(members.get(2L)).containsExactly(10L, 20L, 4999L);
        assertThat(members.get(3L)).hasSize(1666).isSorted();
        assertThat(executed).as("chunks of %d, never all members at once", MemberCursor.CHUNK).hasSize(5);
    }

    @Test
    void theMemberTableDrivesAndUsersAreFoundByKey() throws SQLException {
        MemberCursor cursor = new MemberCursor(entityManager(), List.of(1L, 2L));
        cursor.forEachMemberOf(1, row -> { });
        cursor.forEachMemberOf(2, row -> { });

        assertThat(executed).hasSizeGreaterThan(1);
        for (String sql : executed) {
            String plan = plan(sql);
            assertThat(plan).as(plan).doesNotContainIgnoringCase("SCIM_USER.tableScan")
                    .containsPattern("(?is)SCIM_USER\" \"U\"\\s+/\\* PUBLIC\\.PRIMARY_KEY_\\w+:[^*]*PK = M\\.USER_PK");
        }
    }

    private String plan(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("explain " + sql.replaceAll("\\?\\d+", "1"))) {
            result.next();
            return result.getString(1);
        }
    }

    /** What the cursor needs of the persistence context: native queries with numbered parameters, on H2. */
    private EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("createNativeQuery") || args.length != 1) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return nativeQuery((String) args[0]);
                });
    }

    private Query nativeQuery(String sql) {
        Map<Integer, Object> parameters = new TreeMap<>();
        return (Query) Proxy.newProxyInstance(Query.class.getClassLoader(), new Class<?>[] {Query.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "setParameter" -> {
                        parameters.put((Integer) args[0], args[1]);
                        yield proxy;
                    }
                    case "getResultList" -> {
                        executed.add(sql);
                        try (PreparedStatement statement = connection.prepareStatement(sql)) {
                            for (var parameter : parameters.entrySet()) {
                                statement.setObject(parameter.getKey(), parameter.getValue());
                            }
                            List<Object> rows = new ArrayList<>();
                            try (ResultSet result = statement.executeQuery()) {
                                int columns = result.getMetaData().getColumnCount();
                                while (result.next()) {
                                    Object[] row = new Object[columns];
                                    for (int i = 0; i < columns; i++) {
                                        row[i] = result.getObject(i + 1);
                                    }
                                    rows.add(row);
                                }
                            }
                            yield rows;
                        }
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void migrate(String name) throws IOException, SQLException {
        try (InputStream in = getClass().getResourceAsStream("/db/migration/" + name)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("${document_type}", "varchar(1000000)");
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    execute(statement);
                }
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
