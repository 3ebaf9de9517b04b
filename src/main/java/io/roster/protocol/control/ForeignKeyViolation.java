package io.roster.protocol.control;

import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises a foreign-key violation anywhere in an exception's causes: SQLSTATE 23503 (PostgreSQL, and H2 when a
 * referenced row is deleted) or 23506 (H2 when the referenced row is missing).
 */
public final class ForeignKeyViolation {

    private static final Set<String> FOREIGN_KEY_VIOLATIONS = Set.of("23503", "23506");

    private ForeignKeyViolation() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && FOREIGN_KEY_VIOLATIONS.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
