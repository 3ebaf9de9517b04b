package io.roster.realms;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes everything a deleted realm held, in bounded batches, each its own short transaction (the connection
 * auto-commits), so a realm of a million users never holds locks for long or fills the database's undo log:
 * first the members of its groups (at most one batch of one group per statement) and each emptied group, then its
 * users a tenth of a batch at a time (each takes its emails and searchable values with it by cascade), then its
 * provisioning log, then its (small) role and entitlement catalog and custom schemas, and last the realm row itself, so an interrupted purge simply starts again.
 */
final class RealmPurger {

    /** What a purge did: rows deleted, statements run, and the most rows one statement deleted. */
    record Result(long rows, int batches, int largestBatch) {
    }

    private final Connection connection;
    private final String realm;
    private final int batchSize;
    private long rows;
    private int batches;
    private int largestBatch;

    RealmPurger(Connection connection, String realm, int batchSize) {
        if (Realms.DEFAULT.equals(realm)) {
            throw new IllegalArgumentException("The default realm cannot be purged");
        }
        this.connection = connection;
        this.realm = realm;
        this.batchSize = Math.max(1, batchSize);
    }

    Result purge() throws SQLException {
        connection.setAutoCommit(true);
        while (nextBatch()) {
            // every batch is committed on its own
        }
        count(execute("delete from realm_role where realm_id = ?", realm));
        count(execute("delete from realm_entitlement where realm_id = ?", realm));
        count(execute("delete from realm_schema where realm_id = ?", realm));
        count(execute("delete from realm where id = ? and deleted_at is not null", realm));
        return new Result(rows, batches, largestBatch);
    }

    private boolean nextBatch() throws SQLException {
        long[] group = keys("select pk from scim_group where realm_id = ? order by pk", 1, realm);
        if (group.length > 0) {
            long[] members = keys("select user_pk from scim_group_member where group_pk = ? order by user_pk",
                    batchSize, group[0]);
            return count(members.length > 0
                    ? execute("delete from scim_group_member where group_pk = ? and user_pk = any(?)", group[0],
                            array(members))
                    : execute("delete from scim_group where pk = ?", group[0]));
        }
        long[] users = keys("select pk from scim_user where realm_id = ? order by pk", Math.max(1, batchSize / 10),
                realm);
        if (users.length > 0) {
            return count(execute("delete from scim_user where pk = any(?)", array(users)));
        }
        long[] entries = keys("select pk from provisioning_log where realm_id = ? order by pk", batchSize, realm);
        if (entries.length > 0) {
            return count(execute("delete from provisioning_log where pk = any(?)", array(entries)));
        }
        return false;
    }

    private boolean count(int deleted) {
        rows += deleted;
        batches++;
        largestBatch = Math.max(largestBatch, deleted);
        return true;
    }

    private long[] keys(String sql, int limit, Object parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql + " fetch first " + limit + " rows only")) {
            statement.setObject(1, parameter);
            List<Long> keys = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.add(rows.getLong(1));
                }
            }
            return keys.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private int execute(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    private Array array(long[] keys) throws SQLException {
        Long[] boxed = new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            boxed[i] = keys[i];
        }
        return connection.createArrayOf("bigint", boxed);
    }
}
