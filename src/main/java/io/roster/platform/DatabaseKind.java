package io.roster.platform;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** The databases Roster runs on, recognised by their JDBC URL or by what a connection says it is. */
public enum DatabaseKind {
    H2("H2"),
    POSTGRESQL("PostgreSQL"),
    UNKNOWN("unknown");

    private final String label;

    DatabaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl == null) {
            return UNKNOWN;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return UNKNOWN;
    }

    /** From a connection: its product name ("H2", "PostgreSQL"), else its URL. */
    public static DatabaseKind ofConnection(DatabaseMetaData metaData) throws SQLException {
        DatabaseKind byProduct = ofProduct(metaData.getDatabaseProductName());
        return byProduct != UNKNOWN ? byProduct : of(metaData.getURL());
    }

    static DatabaseKind ofProduct(String productName) {
        if (productName == null) {
            return UNKNOWN;
        }
        String name = productName.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.startsWith("postgresql")) {
            return POSTGRESQL;
        }
        return UNKNOWN;
    }
}
