package io.roster.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Keeps the provisioning log bounded: entries older than the retention period go, and then the oldest entries
 * beyond the row cap. Both are "everything up to a point in (time, id) order", deleted oldest first in batches of
 * {@link #BATCH} rows, each batch its own statement (auto-commit) bounded by an index range, so no clean-up holds
 * long locks or builds a huge transaction. Plain SQL that H2 and PostgreSQL both run.
 */
public final class LogRetention {

    static final int BATCH = 5_000;
    /** At most this many batches per run; the next run continues. */
    private static final int MAX_BATCHES = 200;
    /** (logged_at, pk) <= (?, ?), written so that both databases use the index on (logged_at, pk) for it. */
    private static final String UP_TO = "logged_at <= ? and (logged_at < ? or pk <= ?)";

    /** A point in the log's (time, id) order; everything up to and including it is to go. */
    private record Point(Timestamp time, long pk) {
    }

    private final DataSource dataSource;
    private final Duration retention;
    private final long maxRows;

    public LogRetention(DataSource dataSource, Duration retention, long maxRows) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.maxRows = maxRows;
    }

    /** Deletes what is too old or too much; returns how many entries were deleted. */
    public long clean(Instant now) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            long deleted = deleteUpTo(connection, new Point(Timestamp.from(now.minus(retention)), Long.MIN_VALUE));
            Point beyondCap = newestBeyondCap(connection);
            return beyondCap == null ? deleted : deleted + deleteUpTo(connection, beyondCap);
        }
    }

    private Point newestBeyondCap(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select logged_at, pk from provisioning_log "
                + "order by logged_at desc, pk desc offset ? rows fetch next 1 rows only")) {
            select.setLong(1, maxRows);
            return point(select);
        }
    }

    private static long deleteUpTo(Connection connection, Point last) throws SQLException {
        long total = 0;
        try (PreparedStatement batchEnd = connection.prepareStatement("select logged_at, pk from provisioning_log "
                        + "where " + UP_TO + " order by logged_at, pk offset " + (BATCH - 1)
                        + " rows fetch next 1 rows only");
                PreparedStatement delete = connection.prepareStatement("delete from provisioning_log where "
                        + UP_TO)) {
            for (int i = 0; i < MAX_BATCHES; i++) {
                bind(batchEnd, last);
                Point end = point(batchEnd);
                bind(delete, end == null ? last : end);
                total += delete.executeUpdate();
                if (end == null) {
                    break;
                }
            }
        }
        return total;
    }

    private static void bind(PreparedStatement statement, Point point) throws SQLException {
        statement.setTimestamp(1, point.time());
        statement.setTimestamp(2, point.time());
        statement.setLong(3, point.pk());
    }

    private static Point point(PreparedStatement select) throws SQLException {
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? new Point(row.getTimestamp(1), row.getLong(2)) : null;
        }
    }
}
