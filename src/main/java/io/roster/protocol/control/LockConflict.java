package io.roster.protocol.control;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Recognises, anywhere in an exception's causes, that a write lost a race for a row: a lock wait that timed out, a
 * deadlock, a serialization failure or a stale version. Writers of one resource wait for its row lock, so this
 * only happens when a wait outlasts the lock timeout; the request changed nothing and can be retried.
 */
public final class LockConflict {

    /**
     * HYT00 H2 lock timeout; 90131 H2 concurrent update; 40001 serialization failure and H2 deadlock; 40P01
     * PostgreSQL deadlock; 55P03 PostgreSQL lock not available.
     */
    private static final Set<String> SQL_STATES = Set.of("HYT00", "90131", "40001", "40P01", "55P03");

    private LockConflict() {
    }

    public static boolean in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PessimisticLockException || t instanceof LockTimeoutException
                    || t instanceof OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null && SQL_STATES.contains(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
