package io.roster.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with Flyway at start-up, in whichever database Roster is given
 * ({@link DataSources}). The same migrations serve H2 and PostgreSQL; the few type names that differ between them
 * are Flyway placeholders. What only H2 needs (statements PostgreSQL does not have) is in {@code db/h2}: there
 * {@code afterMigrate.sql}, a Flyway callback, runs after every migration run, at every start. What only PostgreSQL
 * can do (partial indexes) is in {@code db/postgresql}. The two never use the same version number.
 */
@ApplicationScoped
public class Migrations {

    @Inject
    DataSources dataSources;

    private volatile Database database = Database.UNKNOWN;

    /** What a connection said about the database: kind, product and version, URL without credentials. */
    public record Database(DatabaseKind kind, String product, String url) {
        static final Database UNKNOWN = new Database(DatabaseKind.UNKNOWN, "unknown", "unknown");
    }

    public Database migrate() {
        database = detect();
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSources.get())
                .locations(locations(database.kind()))
                .placeholders(placeholders(database.kind()))
                .load()
                .migrate();
        return database;
    }

    public DatabaseKind kind() {
        return database.kind();
    }

    public Database database() {
        return database;
    }

    private Database detect() {
        try (Connection connection = dataSources.get().getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            return new Database(DatabaseKind.ofConnection(metaData),
                    metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion(),
                    DatabaseDescription.of(metaData.getURL()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    static String[] locations(DatabaseKind kind) {
        return switch (kind) {
            case H2 -> new String[] {"classpath:db/migration", "classpath:db/h2"};
            case POSTGRESQL -> new String[] {"classpath:db/migration", "classpath:db/postgresql"};
            default -> new String[] {"classpath:db/migration"};
        };
    }

    static Map<String, String> placeholders(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> Map.of("document_type", "text", "long_text_type", "text");
            default -> Map.of("document_type", "varchar(1000000)", "long_text_type", "varchar(65536)");
        };
    }
}
