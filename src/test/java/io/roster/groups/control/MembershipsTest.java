package io.roster.groups.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.groups.entity.Group;
import io.roster.protocol.entity.ScimException;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The membership SQL on H2, against the real Flyway migrations: set semantics, chunking, realms. */
class MembershipsTest {

    private Connection connection;
    private Memberships memberships;
    private Group group;
    private final List<String> users = new ArrayList<>();

    @BeforeEach
    void database() throws Exception {
        // no automatic ANALYZE: H2 keeps its statistics only in memory, so a restarted server has none either
        connection = DriverManager.getConnection("jdbc:h2:mem:memberships-" + UUID.randomUUID() + ";ANALYZE_AUTO=0");
        migrate("migration/V1__users_and_service_accounts.sql");
        migrate("migration/V2__groups.sql");
        execute("analyze"); // of the empty tables: stores "half the values distinct", as the benchmark's loader did
        migrate("h2/afterMigrate.sql");
        execute("insert into realm (id, created_at) values ('other', current_timestamp)");
        execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, created_at, "
                + "last_modified, version) select x, 'user-' || x, 'default', 'u' || x, 'u' || x, true, '{}', "
                + "current_timestamp, current_timestamp, 1 from system_range(1, 5000)");
        execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, created_at, "
                + "last_modified, version) values (9999, 'stranger', 'other', 's', 's', true, '{}', "
                + "current_timestamp, current_timestamp, 1)");
        IntStream.rangeClosed(1, 5000).forEach(i -> users.add("user-" + i));
        group = group(100);
        memberships = new Memberships();
        memberships.em = entityManager(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void addIsIdempotentAndChecksEveryIdFirst() throws SQLException {
        assertThat(memberships.add(group, List.of("user-1", "user-2"))).isEqualTo(2);
        assertThat(memberships.add(group, List.of("user-2", "user-3"))).isEqualTo(1);
        assertThat(members()).containsExactlyInAnyOrder(1L, 2L, 3L);

        assertThatThrownBy(() -> memberships.add(group, List.of("user-4", "nobody", "stranger")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType().keyword()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains("'nobody'").contains("1 more");
                });
        assertThat(members()).as("nothing stored, and users of other realms are unknown")
                .containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void addAndRemoveMoreThanOneChunk() throws SQLException {
        assertThat(memberships.add(group, users.subList(0, 2500))).isEqualTo(2500);
        assertThat(members()).hasSize(2500);
        assertThat(memberships.remove(group, users.subList(1000, 3500))).isEqualTo(1500);
        assertThat(members()).hasSize(1000).allMatch(pk -> pk <= 1000);
        assertThat(memberships.remove(group, List.of("nobody", "user-4999"))).as("non-members").isZero();
    }

    @Test
    void replaceIsASetDifferenceAcrossChunkRanges() throws Exception {
        memberships.add(group, everyThird(1, 5000));
        Group other = group(200);
        memberships.add(other, List.of("user-1", "user-2"));

        List<String> wanted = new ArrayList<>(everyThird(2, 5000));
        wanted.addAll(everyThird(1, 600));
        int changed = memberships.replace(group, wanted);

        Set<Long> expected = new HashSet<>();
        wanted.forEach(id -> expected.add(Long.parseLong(id.substring(5))));
        assertThat(members()).isEqualTo(expected);
        int before = everyThird(1, 5000).size();
        int kept = everyThird(1, 600).size();
        assertThat(changed).isEqualTo((before - kept) + everyThird(2, 5000).size());
        assertThat(members(other)).as("other groups untouched").containsExactlyInAnyOrder(1L, 2L);

        assertThat(memberships.replace(group, wanted)).as("replacing with the same set changes nothing").isZero();
        assertThat(memberships.replace(group, List.of())).isEqualTo(expected.size());
        assertThat(members()).isEmpty();
    }

    @Test
    void deletingAUserOrTheGroupCascadesOnlyToMemberships() throws SQLException {
        memberships.add(group, List.of("user-1", "user-2"));
        execute("delete from scim_user where pk = 1");
        assertThat(members()).containsExactly(2L);
        execute("delete from scim_group where pk = 100");
        assertThat(members()).isEmpty();
        try (ResultSet rows = connection.createStatement().executeQuery("select count(*) from scim_user")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(5000);
        }
    }

    /**
     * H2 picks indexes by estimated rows. Without statistics (after every restart, or when an ANALYZE ran while the
     * table was empty) group_pk's foreign-key index looked cheaper than the primary key, and changing a few members
     * read the whole group: 20-30 s to remove 1,000 members of a 100,000-member group one by one. The selectivity
     * declared at every start (db/h2/afterMigrate.sql) keeps these statements on the primary key or the user index.
     */
    @Test
    void changingMembersNeverReadsTheWholeGroupThroughItsForeignKeyIndex() throws SQLException {
        execute("insert into scim_group_member (group_pk, user_pk) select 100, x from system_range(1, 5000)");
        String groupIndex;
        try (ResultSet rows = connection.createStatement().executeQuery("select index_name from "
                + "information_schema.indexes i where table_name = 'SCIM_GROUP_MEMBER' and index_type_name = 'INDEX' "
                + "and (select count(*) from information_schema.index_columns c where c.index_name = i.index_name) = 1 "
                + "and exists (select 1 from information_schema.index_columns c where c.index_name = i.index_name "
                + "and c.column_name = 'GROUP_PK')")) {
            assertThat(rows.next()).as("H2 indexes the foreign key on group_pk by itself").isTrue();
            groupIndex = "." + rows.getString(1) + ":"; // as a plan names the index it reads
        }
        Long[] keys = {10L, 20L, 30L};
        assertThat(plan(Memberships.DELETE_LISTED, 100L, keys)).doesNotContain(groupIndex);
        assertThat(plan(Memberships.DELETE_UNLISTED_IN_RANGE, 100L, 1L, 1000L, keys)).doesNotContain(groupIndex)
                .contains("PRIMARY_KEY");
        assertThat(plan(Memberships.INSERT_MISSING, 100L, keys, 100L)).doesNotContain(groupIndex);
    }

    private String plan(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i] instanceof Long[] array
                        ? connection.createArrayOf("bigint", array) : parameters[i]);
            }
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static List<String> everyThird(int first, int last) {
        List<String> ids = new ArrayList<>();
        for (int i = first; i <= last; i += 3) {
            ids.add("user-" + i);
        }
        return ids;
    }

    private Set<Long> members() throws SQLException {
        return members(group);
    }

    private Set<Long> members(Group of) throws SQLException {
        Set<Long> pks = new HashSet<>();
        try (ResultSet rows = connection.createStatement()
                .executeQuery("select user_pk from scim_group_member where group_pk = " + of.pk())) {
            while (rows.next()) {
                pks.add(rows.getLong(1));
            }
        }
        return pks;
    }

    private Group group(long pk) throws Exception {
        execute("insert into scim_group (pk, id, realm_id, display_name, display_name_key, document, created_at, "
                + "last_modified, version) values (" + pk + ", 'group-" + pk + "', 'default', 'g" + pk + "', 'g" + pk
                + "', '{}', current_timestamp, current_timestamp, 1)");
        Group result = new Group("group-" + pk, "default", Instant.now());
        Field key = Group.class.getDeclaredField("pk");
        key.setAccessible(true);
        key.set(result, pk);
        return result;
    }

    private void migrate(String name) throws IOException, SQLException {
        try (InputStream in = getClass().getResourceAsStream("/db/" + name)) {
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

    /**
     * What Memberships needs of the persistence context: flush, the connection of the transaction, and detaching
     * what it deleted.
     */
    static EntityManager entityManager(Connection connection) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "flush", "detach" -> null;
                    case "unwrap" -> connection;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
