package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Roster's PostgreSQL-only migrations ({@code db/postgresql}) leave in the database, and that PostgreSQL still
 * finds the filters' rows through it. Runs in the PostgreSQL pass of the suite ({@code it.db.url}), on that server;
 * it migrates the database as Roster does at start-up (a no-op when Roster has already done it).
 */
class PostgresIndexesIT {

    private static final String URL = System.getProperty("it.db.url", "");

    @BeforeAll
    static void migrated() {
        assumeTrue(URL.startsWith("jdbc:postgresql:"), "runs in the PostgreSQL pass (it.db.url)");
        Flyway.configure().dataSource(URL, System.getProperty("it.db.user"), System.getProperty("it.db.password"))
                .locations(Migrations.locations(DatabaseKind.POSTGRESQL))
                .placeholders(Migrations.placeholders(DatabaseKind.POSTGRESQL)).load().migrate();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, System.getProperty("it.db.user"), System.getProperty("it.db.password"));
    }

    /** A row without a number or a time (nearly every row) costs no entry in the number and time indexes. */
    @Test
    void numberAndTimeIndexesHoldOnlyRowsThatHaveThatValue() throws Exception {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement("select indexname, indexdef from pg_indexes "
                        + "where indexname in ('ix_scim_user_value_number', 'ix_scim_user_value_time', "
                        + "'ix_scim_group_value_number', 'ix_scim_group_value_time') order by indexname");
                ResultSet indexes = query.executeQuery()) {
            List<String> definitions = new ArrayList<>();
            while (indexes.next()) {
                definitions.add(indexes.getString(2));
            }
            assertThat(definitions).hasSize(4);
            assertThat(definitions.get(0)).contains("(path, number_value, group_pk)")
                    .endsWith("WHERE (number_value IS NOT NULL)");
            assertThat(definitions.get(1)).contains("(path, time_value, group_pk)")
                    .endsWith("WHERE (time_value IS NOT NULL)");
            assertThat(definitions.get(2)).contains("(path, number_value, user_pk)")
                    .endsWith("WHERE (number_value IS NOT NULL)");
            assertThat(definitions.get(3)).contains("(path, time_value, user_pk)")
                    .endsWith("WHERE (time_value IS NOT NULL)");
        }
    }

    /**
     * The comparisons a filter sends (eq, gt, ge, lt, le, with parameters) imply "is not null", so the planner may
     * use the partial indexes, also for a plan made without the parameters' values.
     */
    @Test
    void comparisonsWithParametersCanUseThePartialIndexes() throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("set local enable_seqscan = off");
                statement.execute("set local plan_cache_mode = force_generic_plan");
                statement.execute("prepare by_number(varchar, numeric) as select user_pk from scim_user_value "
                        + "where path = $1 and number_value >= $2");
                statement.execute("prepare by_time(varchar, timestamp) as select user_pk from scim_user_value "
                        + "where path = $1 and time_value < $2");
            }
            assertThat(plan(connection, "explain execute by_number('urn:x:level', 3)"))
                    .contains("ix_scim_user_value_number");
            assertThat(plan(connection, "explain execute by_time('urn:x:hired', '2024-01-01')"))
                    .contains("ix_scim_user_value_time");
            connection.rollback();
        }
    }

    private static String plan(Connection connection, String explain) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (var statement = connection.createStatement(); ResultSet rows = statement.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
