package io.roster.audit.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.platform.MigratedH2;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clean-up SQL on the real schema (H2, migrated by Flyway as at start-up). */
class LogRetentionTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private JdbcDataSource db;

    @BeforeEach
    void database() {
        db = new JdbcDataSource();
        db.setURL(MigratedH2.url("retention"));
        db.setUser("sa");
    }

    @Test
    void entriesOlderThanTheRetentionGo() throws SQLException {
        insert(1, NOW.minus(Duration.ofDays(31)));
        insert(2, NOW.minus(Duration.ofDays(30)).plusSeconds(1));
        insert(3, NOW);
        assertThat(new LogRetention(db, Duration.ofDays(30), 1_000_000).clean(NOW)).isEqualTo(1);
        assertThat(remaining()).isEqualTo(2);
    }

    @Test
    void theOldestEntriesBeyondTheCapGoInBatches() throws SQLException {
        int rows = LogRetention.BATCH * 2 + 10;
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 1; i <= rows; i++) {
                bind(insert, i, NOW.minusSeconds(rows - i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        assertThat(new LogRetention(db, Duration.ofDays(30), 100).clean(NOW)).isEqualTo(rows - 100);
        assertThat(remaining()).isEqualTo(100);
        try (Connection connection = db.getConnection();
                ResultSet oldest = connection.createStatement().executeQuery("select min(pk) from provisioning_log")) {
            oldest.next();
            assertThat(oldest.getLong(1)).as("the newest 100 stay").isEqualTo(rows - 99);
        }
        assertThat(new LogRetention(db, Duration.ofDays(30), 100).clean(NOW)).isZero();
    }

    private static final String INSERT = "insert into provisioning_log (pk, logged_at, realm_id, method, path, status, "
            + "duration_ms) values (?, ?, 'default', 'GET', '/scim/v2/Users', 200, 1)";

    private void insert(long pk, Instant at) throws SQLException {
        try (Connection connection = db.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(insert, pk, at);
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement insert, long pk, Instant at) throws SQLException {
        insert.setLong(1, pk);
        insert.setTimestamp(2, Timestamp.from(at));
    }

    private long remaining() throws SQLException {
        try (Connection connection = db.getConnection();
                ResultSet count = connection.createStatement().executeQuery("select count(*) from provisioning_log")) {
            count.next();
            return count.getLong(1);
        }
    }
}
