package io.roster.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAnywhereInTheCausesAreRecognised() {
        assertThat(DatabaseUnavailable.in(new PersistenceException(new SQLException("refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.in(new PersistenceException(new SQLException("terminating connection due to "
                + "administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnavailable.in(new RuntimeException(new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseUnavailable.in(new SQLTransientConnectionException("pool"))).isTrue();
        assertThat(DatabaseUnavailable.in(new PersistenceException(new SQLException("Error in allocating a connection. "
                + "Cause: Connection could not be allocated because: Connection to 127.0.0.1:5432 refused.")))).isTrue();
        assertThat(DatabaseUnavailable.in(new PersistenceException(new SQLException("Database is already closed",
                "90098", 90098)))).isTrue();
        SQLException chained = new SQLException("batch failed", "HY000");
        chained.setNextException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseUnavailable.in(chained)).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(DatabaseUnavailable.in(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.in(new PersistenceException(new SQLException("deadlock", "40P01")))).isFalse();
        assertThat(DatabaseUnavailable.in(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseUnavailable.in(new SQLException("syntax", "42000", 42000))).isFalse();
    }
}
