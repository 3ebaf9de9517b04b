package io.roster.protocol.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.junit.jupiter.api.Test;

class PersistenceFailureMapperTest {

    /** A list query stopped by roster.query.timeout-seconds: 503 with Retry-After and a SCIM error, never 500. */
    @Test
    void aQueryStoppedByTheTimeoutIs503WithRetryAfter() {
        PersistenceException timedOut = new PersistenceException(DatabaseException.sqlException(
                DbException.getJdbcSQLException(ErrorCode.STATEMENT_WAS_CANCELED)));

        Response response = new PersistenceFailureMapper().toResponse(timedOut);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo(String.valueOf(ErrorResponses.RETRY_AFTER_SECONDS));
        JsonObject body = Json.createReader(new StringReader(response.getEntity().toString())).readObject();
        assertThat(body.getString("status")).isEqualTo("503");
        assertThat(body.getString("detail")).contains("took longer than Roster allows");
    }

    /** Payara's pool reports a database that is down without a SQLSTATE: still 503, never a 500 from the mapper. */
    @Test
    void aConnectionThePoolCannotAllocateIs503() {
        PersistenceException outage = new PersistenceException(DatabaseException.sqlException(new java.sql.SQLException(
                "Error in allocating a connection. Cause: FATAL: the database system is shutting down")));

        Response response = new PersistenceFailureMapper().toResponse(outage);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isNotBlank();
    }
}
