package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sessions Roster's own pool opens on PostgreSQL (UrlDataSource) have the settings the write and lookup paths
 * were measured with. Runs in the PostgreSQL pass of the suite ({@code it.db.url}), on that server.
 */
class PostgresSessionIT {

    private static final String URL = System.getProperty("it.db.url", "");

    @BeforeAll
    static void onlyInThePostgresqlPass() {
        assumeTrue(URL.startsWith("jdbc:postgresql:"), "runs in the PostgreSQL pass (it.db.url)");
    }

    private static Connection connect() throws Exception {
        UrlDataSource dataSource = new UrlDataSource();
        dataSource.setUrl(URL);
        dataSource.setUser(System.getProperty("it.db.user"));
        dataSource.setPassword(System.getProperty("it.db.password"));
        return dataSource.getConnection();
    }

    @Test
    void plansEachExecutionWithItsParameters() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet mode = statement.executeQuery("show plan_cache_mode")) {
            assertThat(mode.next()).isTrue();
            assertThat(mode.getString(1)).isEqualTo("force_custom_plan");
        }
    }

    /** pgjdbc answers a batch it sent as one multi-row insert with SUCCESS_NO_INFO, one it sent row by row with 1s. */
    @Test
    void sendsBatchedInsertsAsMultiRowInserts() throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("create temporary table batch_probe (n int)");
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into batch_probe (n) values (?)")) {
                for (int n = 0; n < 4; n++) {
                    insert.setInt(1, n);
                    insert.addBatch();
                }
                assertThat(insert.executeBatch()).containsOnly(Statement.SUCCESS_NO_INFO);
            }
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("select count(*) from batch_probe")) {
                count.next();
                assertThat(count.getInt(1)).isEqualTo(4);
            }
            connection.rollback();
        }
    }
}
