package io.roster.protocol.control;

import java.sql.SQLException;

/** Recognises a unique-constraint violation anywhere in an exception's causes (SQLSTATE 23505 on H2 and PostgreSQL). */
public final class UniqueViolation {

    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    /** A violation of the named unique constraint or index (names compared case-insensitively). */
    public static boolean of(Throwable failure, String constraint) {
        if (!in(failure)) {
            return false;
        }
        String wanted = constraint.toLowerCase(java.util.Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
