package io.roster.protocol.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForeignKeyViolationTest {

    @ParameterizedTest
    @ValueSource(strings = {"23503", "23506"})
    void recognisesForeignKeyViolationsByTheirSqlState(String state) {
        assertThat(ForeignKeyViolation.in(new PersistenceException("insert failed",
                new RuntimeException(new SQLException("violates foreign key constraint", state))))).isTrue();
    }

    @Test
    void recognisesWhatH2ReportsForAMemberWhoseUserIsGone() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:fk-test", "sa", "")) {
            connection.createStatement().execute("create table u (pk bigint primary key)");
            connection.createStatement().execute("create table m (user_pk bigint references u (pk) on delete cascade)");
            assertThatThrownBy(() -> connection.createStatement().execute("insert into m values (42)"))
                    .satisfies(e -> assertThat(ForeignKeyViolation.in(new PersistenceException(e))).isTrue());
        }
    }

    @Test
    void otherFailuresAreNotForeignKeyViolations() {
        assertThat(ForeignKeyViolation.in(new PersistenceException(new SQLException("duplicate", "23505")))).isFalse();
        assertThat(ForeignKeyViolation.in(new IllegalStateException("boom"))).isFalse();
        assertThat(ForeignKeyViolation.in(new PersistenceException(new SQLException("no state")))).isFalse();
    }
}
