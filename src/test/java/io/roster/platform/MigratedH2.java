package io.roster.platform;

import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** A new in-memory H2 database with Roster's schema, migrated by Flyway as at start-up, for tests of Roster's SQL. */
public final class MigratedH2 {

    private MigratedH2() {
    }

    /** Its JDBC URL (user {@code sa}, no password); the database lives until the JVM ends. */
    public static String url(String name) {
        String url = "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .placeholders(Map.of("document_type", "varchar(1000000)", "long_text_type", "varchar(65536)"))
                .load().migrate();
        return url;
    }
}
