package io.roster.protocol.boundary;

import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.ScimType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A unique constraint that fails at commit (two clients racing to create the same userName) is a 409
 * {@code uniqueness}, like the check that runs before the write; anything else goes to the fallback mapper.
 */
@Provider
public class PersistenceFailureMapper implements ExceptionMapper<RuntimeException> {

    private final FallbackExceptionMapper fallback = new FallbackExceptionMapper();

    @Override
    public Response toResponse(RuntimeException e) {
        if ((e instanceof PersistenceException || e instanceof TransactionalException) && UniqueViolation.in(e)) {
            return ErrorResponses.of(409, ScimType.UNIQUENESS,
                    "Another resource already has this unique value");
        }
        return fallback.toResponse(e);
    }
}
