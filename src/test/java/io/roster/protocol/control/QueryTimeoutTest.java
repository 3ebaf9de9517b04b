package io.roster.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class QueryTimeoutTest {

    @Test
    void recognisesH2sCanceledStatementAsEclipseLinkWrapsIt() {
        SQLException h2 = DbException.getJdbcSQLException(ErrorCode.STATEMENT_WAS_CANCELED);

        assertThat(QueryTimeout.in(new PersistenceException(DatabaseException.sqlException(h2)))).isTrue();
    }

    @Test
    void recognisesPostgresCanceledStatementInsideARolledBackTransaction() {
        SQLException postgres = new PSQLException("ERROR: canceling statement due to user request",
                PSQLState.QUERY_CANCELED);

        assertThat(QueryTimeout.in(new TransactionalException("rolled back",
                new PersistenceException(DatabaseException.sqlException(postgres))))).isTrue();
    }

    @Test
    void recognisesJpaQueryTimeout() {
        assertThat(QueryTimeout.in(new jakarta.persistence.QueryTimeoutException("too long"))).isTrue();
    }

    @Test
    void lockTimeoutsAndOtherFailuresAreNotQueryTimeouts() {
        SQLException h2LockTimeout = DbException.getJdbcSQLException(ErrorCode.LOCK_TIMEOUT_1, "scim_user");

        assertThat(QueryTimeout.in(new PersistenceException(h2LockTimeout))).isFalse();
        assertThat(QueryTimeout.in(new jakarta.persistence.QueryTimeoutException("lock", h2LockTimeout))).isFalse();
        assertThat(LockConflict.in(new PersistenceException(h2LockTimeout))).isTrue();
        assertThat(QueryTimeout.in(new PersistenceException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(QueryTimeout.in(new IllegalStateException("boom"))).isFalse();
    }
}
