package io.roster.protocol.control;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises, anywhere in an exception's causes, that the database cannot be reached: no connection could be made
 * or obtained from the pool, or the server cut the session. Such a request changed nothing (its transaction never
 * committed), so it is answered 503 with {@code Retry-After} and the client tries again.
 */
public final class DatabaseUnavailable {

    /** 57P01/57P02/57P03 PostgreSQL admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SQL_STATES = Set.of("57P01", "57P02", "57P03");

    /** H2: 90067 connection broken, 90098 database closed, 90121 database called at shutdown. */
    private static final Set<Integer> H2_ERROR_CODES = Set.of(90067, 90098, 90121);

    private DatabaseUnavailable() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof org.eclipse.persistence.exceptions.DatabaseException db && db.isCommunicationFailure()) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (connectionFailure(s)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean connectionFailure(SQLException e) {
        String state = e.getSQLState();
        // SQLSTATE class 08: connection exception (SQL standard); Payara's pool reports an allocation failure
        // (database down, or every connection busy for longer than the pool's wait) without a state
        return state != null && (state.startsWith("08") || SQL_STATES.contains(state))
                || H2_ERROR_CODES.contains(e.getErrorCode()) && state != null && state.length() == 5
                || e.getMessage() != null && e.getMessage().startsWith("Error in allocating a connection");
    }
}
