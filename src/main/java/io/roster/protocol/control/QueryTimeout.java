package io.roster.protocol.control;

import java.sql.SQLException;

/**
 * Recognises, anywhere in an exception's causes, that the database stopped a query because it ran longer than
 * {@code roster.query.timeout-seconds}: SQLSTATE 57014 (query canceled; PostgreSQL and H2 both report the JDBC
 * query timeout with it) or JPA's {@link jakarta.persistence.QueryTimeoutException}. A lock wait that timed out is
 * not one ({@link LockConflict}; H2 reports it as a {@code SQLTimeoutException} too). Only reads (list and search
 * queries) carry the timeout, so such a request changed nothing.
 */
public final class QueryTimeout {

    static final String QUERY_CANCELED = "57014";

    private QueryTimeout() {
    }

    public static boolean in(Throwable failure) {
        if (LockConflict.in(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.QueryTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (QUERY_CANCELED.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
