package io.roster.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.TransactionalException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LockConflictTest {

    @ParameterizedTest
    @ValueSource(strings = {"HYT00", "40001", "40P01", "55P03", "90131"})
    void recognisesLockTimeoutsAndDeadlocksByTheirSqlState(String state) {
        PersistenceException wrapped = new PersistenceException("write failed",
                new RuntimeException(new SQLException("Timeout trying to lock table", state)));

        assertThat(LockConflict.in(new TransactionalException("rolled back", wrapped))).isTrue();
    }

    @Test
    void recognisesJpaLockExceptions() {
        assertThat(LockConflict.in(new PessimisticLockException("locked"))).isTrue();
        assertThat(LockConflict.in(new jakarta.persistence.OptimisticLockException("stale"))).isTrue();
    }

    @Test
    void otherFailuresAreNotLockConflicts() {
        assertThat(LockConflict.in(new PersistenceException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(LockConflict.in(new IllegalStateException("boom"))).isFalse();
        assertThat(LockConflict.in(new PersistenceException(new SQLException("Error in allocating a connection"))))
                .as("a failure without a SQLSTATE (Payara's pool reports an outage so)").isFalse();
    }
}
