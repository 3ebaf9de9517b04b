package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/** H2's own migration that repairs what H2's foreign keys let through before Roster deleted memberships itself. */
class H2RepairMigrationTest {

    @Test
    void membershipsOfDeletedUsersAndGroupsGoAndTheOthersStay() throws SQLException {
        String url = "jdbc:h2:mem:repair-" + UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            flyway(url, MigrationVersion.fromVersion("9")).migrate();
            for (int pk = 1; pk <= 2; pk++) {
                sql.execute("insert into scim_user (pk, id, realm_id, user_name, user_name_key, active, document, "
                        + "created_at, last_modified, version) values (" + pk + ", 'u" + pk + "', 'default', 'u" + pk
                        + "', 'u" + pk + "', true, '{}', current_timestamp, current_timestamp, 1)");
                sql.execute("insert into scim_group (pk, id, realm_id, display_name, display_name_key, document, "
                        + "created_at, last_modified, version) values (" + pk + ", 'g" + pk + "', 'default', 'g" + pk
                        + "', 'g" + pk + "', '{}', current_timestamp, current_timestamp, 1)");
            }
            sql.execute("insert into scim_group_member (group_pk, user_pk) values (1, 1), (1, 2), (2, 1), (2, 2)");
            // what a racing delete left behind: memberships of a user and of a group that are gone
            sql.execute("set referential_integrity false");
            sql.execute("insert into scim_group_member (group_pk, user_pk) values (1, 99), (99, 2)");
            sql.execute("set referential_integrity true");

            assertThat(flyway(url, MigrationVersion.LATEST).migrate().migrationsExecuted).isPositive();

            try (ResultSet rows = sql.executeQuery(
                    "select group_pk || ':' || user_pk from scim_group_member order by group_pk, user_pk")) {
                StringBuilder members = new StringBuilder();
                while (rows.next()) {
                    members.append(rows.getString(1)).append(' ');
                }
                assertThat(members.toString().trim()).isEqualTo("1:1 1:2 2:1 2:2");
            }
        }
    }

    private static Flyway flyway(String url, MigrationVersion target) {
        return Flyway.configure().dataSource(url, "", "").locations(Migrations.locations(DatabaseKind.H2))
                .placeholders(Migrations.placeholders(DatabaseKind.H2)).target(target).load();
    }
}
