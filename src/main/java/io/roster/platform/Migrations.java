package io.roster.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date with Flyway at start-up. The same migrations serve H2 and PostgreSQL;
 * the few type names that differ between them are Flyway placeholders.
 */
@ApplicationScoped
public class Migrations {

    @Resource(lookup = RosterDataSource.JNDI_NAME)
    DataSource dataSource;

    private volatile DatabaseKind kind = DatabaseKind.UNKNOWN;

    public DatabaseKind migrate() {
        kind = detect();
        Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(placeholders(kind))
                .load()
                .migrate();
        return kind;
    }

    public DatabaseKind kind() {
        return kind;
    }

    private DatabaseKind detect() {
        try (Connection connection = dataSource.getConnection()) {
            return DatabaseKind.of(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to the database: " + e.getMessage(), e);
        }
    }

    static Map<String, String> placeholders(DatabaseKind kind) {
        return switch (kind) {
            case POSTGRESQL -> Map.of("document_type", "text", "long_text_type", "text");
            default -> Map.of("document_type", "varchar(1000000)", "long_text_type", "varchar(65536)");
        };
    }
}
