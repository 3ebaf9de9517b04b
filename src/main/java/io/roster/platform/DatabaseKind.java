package io.roster.platform;

/** The databases Roster runs on, recognised by their JDBC URL. */
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
}
