package io.roster.bench;

import io.roster.schema.control.ResourceValidator;
import io.roster.schema.entity.CoreSchemas;
import io.roster.search.control.UniqueValues.Owner;
import io.roster.search.control.ValueRows;
import io.roster.search.entity.IndexedValue;
import io.roster.users.entity.UserAttributes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Fills a realm straight through SQL, with the rows Roster itself writes: each user goes through Roster's own
 * {@link ResourceValidator} (as a POST does) and {@link UserAttributes} / AttributeIndexer, and lands in
 * scim_user and scim_user_value exactly as UserWrites would put it there (document JSON without the password,
 * lower-cased keys, the value rows bound by Roster's own {@link ValueRows}, version 1). Keys are taken from
 * scim_user_seq in blocks of 50, as EclipseLink takes them, so the loader and a running Roster never collide.
 * Plain JDBC batches in one transaction per batch: this is also the benchmark's storage floor.
 */
final class SqlLoader implements AutoCloseable {

    private static final ResourceValidator VALIDATOR = new ResourceValidator(CoreSchemas.USER_TYPE);
    private static final int BLOCK = 50;

    private final Connection connection;
    private final boolean postgres;
    private final String realm;

    SqlLoader(String url, String user, String password, String realm) throws SQLException {
        this.postgres = url.startsWith("jdbc:postgresql:");
        // PostgreSQL's driver sends a batch as multi-row inserts only when asked to
        String effective = postgres && !url.contains("reWriteBatchedInserts")
                ? url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true" : url;
        this.connection = DriverManager.getConnection(effective, user, password);
        this.connection.setAutoCommit(false);
        this.realm = realm;
    }

    /** What UserWrites stores for a user POSTed with this body. */
    static UserAttributes attributes(String json) {
        JsonObject input;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            input = reader.readObject();
        }
        JsonObject document = VALIDATOR.normalize(input);
        var stored = Json.createObjectBuilder(document).remove("password");
        if (!document.containsKey("active")) {
            stored.add("active", true);
        }
        return UserAttributes.of(stored.build(), CoreSchemas.USER_TYPE);
    }

    /** Inserts users [from, to) of the population in batches; returns the number of scim_user_value rows. */
    long load(Population population, int from, int to, int batch) throws SQLException {
        long valueRows = 0;
        String userSql = "insert into scim_user (pk, id, realm_id, user_name, user_name_key, external_id, "
                + "display_name, active, password_hash, document, created_at, last_modified, version) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, 1)";
        String valueSql = ValueRows.insertSql(Owner.USER);
        try (PreparedStatement users = connection.prepareStatement(userSql);
                PreparedStatement values = connection.prepareStatement(valueSql)) {
            long pk = 0;
            long blockEnd = -1;
            int inBatch = 0;
            for (int i = from; i < to; i++) {
                if (pk > blockEnd) {
                    blockEnd = nextBlock();
                    pk = blockEnd - BLOCK + 1;
                }
                UserAttributes attributes = attributes(population.userJson(i, true));
                Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
                String id = population.sqlId(i);
                users.setLong(1, pk);
                users.setString(2, id);
                users.setString(3, realm);
                users.setString(4, attributes.userName());
                users.setString(5, UserAttributes.key(attributes.userName()));
                users.setString(6, attributes.externalId());
                users.setString(7, attributes.displayName());
                users.setBoolean(8, attributes.active());
                users.setString(9, attributes.document());
                users.setTimestamp(10, now);
                users.setTimestamp(11, now);
                users.addBatch();
                List<IndexedValue> indexed = attributes.values();
                for (int position = 0; position < indexed.size(); position++) {
                    ValueRows.bind(values, pk, position, indexed.get(position));
                    values.addBatch();
                    valueRows++;
                }
                population.setId(i, id);
                pk++;
                if (++inBatch == batch) {
                    flush(users, values);
                    inBatch = 0;
                }
            }
            flush(users, values);
        }
        return valueRows;
    }

    private void flush(PreparedStatement users, PreparedStatement values) throws SQLException {
        users.executeBatch();
        values.executeBatch();
        connection.commit();
    }

    private long nextBlock() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet next = statement.executeQuery(postgres ? "select nextval('scim_user_seq')"
                        : "select next value for scim_user_seq")) {
            next.next();
            return next.getLong(1);
        }
    }

    /** Deletes the population's users (their values and memberships cascade). */
    int deleteUsersNamed(String userNamePrefix) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from scim_user where realm_id = ? and user_name_key like ?")) {
            delete.setString(1, realm);
            delete.setString(2, UserAttributes.key(userNamePrefix) + "%");
            int deleted = delete.executeUpdate();
            connection.commit();
            return deleted;
        }
    }

    long countUsers() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from scim_user")) {
            count.next();
            return count.getLong(1);
        }
    }

    /**
     * Leaves the database as a restart after a bulk load should find it, not in the load's aftermath. Statistics
     * (ANALYZE) everywhere; on PostgreSQL also VACUUM, which autovacuum would otherwise run over the new rows in the
     * minutes after the load, while the benchmark measures the start-up and the lookups, and a CHECKPOINT, which
     * writes out what the load left in shared buffers. CHECKPOINT needs a superuser or pg_checkpoint: the loader asks
     * as its own role, then as {@code postgres} (the throwaway cluster trusts it), and otherwise leaves it out.
     *
     * @return what it did, for the results' notes
     */
    String settle(String url) throws SQLException {
        if (!postgres) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze");
            }
            connection.commit();
            return "analyze";
        }
        connection.setAutoCommit(true); // VACUUM refuses to run inside a transaction
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
            if (checkpoint(statement)) {
                return "vacuum analyze, checkpoint";
            }
        } finally {
            connection.setAutoCommit(false);
        }
        try (Connection superuser = DriverManager.getConnection(url, "postgres", "");
                Statement statement = superuser.createStatement()) {
            return checkpoint(statement) ? "vacuum analyze, checkpoint (as postgres)" : "vacuum analyze";
        } catch (SQLException noSuperuser) {
            return "vacuum analyze (no checkpoint: " + noSuperuser.getMessage() + ")";
        }
    }

    private static boolean checkpoint(Statement statement) {
        try {
            statement.execute("checkpoint");
            return true;
        } catch (SQLException notAllowed) {
            return false;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
