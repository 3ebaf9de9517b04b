package io.roster.admin.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class AdminExceptionMapperTest {

    /** The admin API during a database outage: 503 with Retry-After and a JSON error, as SCIM requests get. */
    @Test
    void aDatabaseThatCannotBeReachedIs503() {
        Response response = new AdminExceptionMapper().toResponse(new PersistenceException(
                new SQLException("Error in allocating a connection. Cause: Connection refused")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isEqualTo("5");
        assertThat(((JsonObject) response.getEntity()).getString("error")).contains("cannot reach its database");
    }

    @Test
    void aRaceForAUniqueNameIs409() {
        Response response = new AdminExceptionMapper().toResponse(new PersistenceException(
                new SQLException("duplicate key", "23505")));

        assertThat(response.getStatus()).isEqualTo(409);
    }
}
