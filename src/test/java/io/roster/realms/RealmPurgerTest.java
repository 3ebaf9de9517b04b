package io.roster.realms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.roster.platform.MigratedH2;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The purge of a deleted realm on the real schema (Flyway's migrations on H2). */
class RealmPurgerTest {

    private Connection connection;

    @BeforeEach
    void schema() throws SQLException {
        connection = DriverManager.getConnection(MigratedH2.url("purge"), "sa", "");
        execute("insert into realm (id, created_at) values ('acme', current_timestamp)");
        fill("default", 1_000, 30);
        fill("acme", 2_000, 95);
        execute("update realm set deleted_at = current_timestamp where id = 'acme'");
    }

    @Test
    void removesEverythingOfTheRealmInBoundedBatchesAndNothingElse() throws SQLException {
        RealmPurger.Result result = new RealmPurger(connection, "acme", 20).purge();

        assertThat(count("select count(*) from scim_user where realm_id = 'acme'")).isZero();
        assertThat(count("select count(*) from scim_group where realm_id = 'acme'")).isZero();
        assertThat(count("select count(*) from scim_group_member where group_pk >= 2000")).isZero();
        assertThat(count("select count(*) from provisioning_log where realm_id = 'acme'")).isZero();
        assertThat(count("select count(*) from scim_user_value where user_pk >= 2000")).isZero();
        assertThat(count("select count(*) from realm where id = 'acme'")).isZero();
        assertThat(result.largestBatch()).as("no statement deletes more than a batch").isLessThanOrEqualTo(20);
        assertThat(result.batches()).as("95 members, 2 groups, 95 users by 2, 95 log entries")
                .isGreaterThanOrEqualTo(5 + 2 + 48 + 5);

        assertThat(count("select count(*) from scim_user where realm_id = 'default'")).isEqualTo(30);
        assertThat(count("select count(*) from scim_group_member where group_pk < 2000")).isEqualTo(30);
        assertThat(count("select count(*) from provisioning_log where realm_id = 'default'")).isEqualTo(30);
        assertThat(count("select count(*) from realm where id = 'default'")).isOne();
    }

    @Test
    void anInterruptedPurgeStartsAgainWhereItStopped() throws SQLException {
        execute("delete from scim_group_member where group_pk = 2000 and user_pk < 2010");

        new RealmPurger(connection, "acme", 7).purge();

        assertThat(count("select count(*) from scim_user where realm_id = 'acme'")).isZero();
        assertThat(count("select count(*) from realm where id = 'acme'")).isZero();
    }

    @Test
    void theDefaultRealmIsNeverPurged() {
        assertThatThrownBy(() -> new RealmPurger(connection, "default", 20))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** {@code n} users with a searchable email each, two groups (the first with every user), and {@code n} log entries. */
    private void fill(String realm, int firstKey, int n) throws SQLException {
        for (int g = 0; g < 2; g++) {
            execute("insert into scim_group (pk, id, realm_id, display_name, display_name_key, document, created_at, "
                    + "last_modified, version) values (" + (firstKey + g) + ", '" + UUID.randomUUID() + "', '" + realm
                    + "', 'g" + g + "', 'g" + g + "', '{}', current_timestamp, current_timestamp, 1)");
        }
        for (int i = 0; i < n; i++) {
            int pk = firstKey + i;
            execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, created_at, "
                    + "last_modified, version) values (" + pk + ", '" + UUID.randomUUID() + "', '" + realm + "', 'u" + pk
                    + "', 'u" + pk + "', true, '{}', current_timestamp, current_timestamp, 1)");
            execute("insert into scim_user_value (user_pk, position, path, element, text_value) values (" + pk
                    + ", 0, 'emails.value', 0, 'u" + pk + "@x')");
            execute("insert into scim_group_member (group_pk, user_pk) values (" + firstKey + ", " + pk + ")");
            execute("insert into provisioning_log (pk, logged_at, realm_id, method, path, status, duration_ms) values ("
                    + pk + ", current_timestamp, '" + realm + "', 'GET', '/scim/v2/Users', 200, 1)");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
