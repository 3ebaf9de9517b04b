package io.roster.protocol.boundary;

import io.roster.protocol.control.DatabaseUnavailable;
import io.roster.protocol.control.LockConflict;
import io.roster.protocol.control.QueryTimeout;
import io.roster.protocol.control.UniqueViolation;
import io.roster.protocol.entity.ScimType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A unique constraint that fails at commit (two clients racing to create the same userName) is a 409
 * {@code uniqueness}, as when the stores' flush finds the name taken. A write that lost a race for a row lock (its wait
 * timed out, or a deadlock) is a 409 too: the transaction rolled back, nothing changed, and the client may retry.
 * A database that cannot be reached is a 503 with {@code Retry-After} (RFC 7231 §6.6.4). A list or search query
 * that the database stopped after {@code roster.query.timeout-seconds} is a 503 with {@code Retry-After} too: the
 * lookups identity providers send are index-backed, so when one of them runs that long the database is overloaded
 * and a retry later succeeds (Okta and Entra retry 503, and give up on a 400); a filter that is expensive by
 * itself (a {@code co} over every user of a huge realm) fails the same way every time, which the detail says.
 * Anything else goes to the fallback mapper.
 */
@Provider
public class PersistenceFailureMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(PersistenceFailureMapper.class.getName());

    private final FallbackExceptionMapper fallback = new FallbackExceptionMapper();

    @Override
    public Response toResponse(RuntimeException e) {
        if ((e instanceof PersistenceException || e instanceof TransactionalException) && UniqueViolation.in(e)) {
            return ErrorResponses.of(409, ScimType.UNIQUENESS,
                    "Another resource already has this unique value");
        }
        if (QueryTimeout.in(e)) {
            LOG.log(Level.WARNING, "A query ran longer than roster.query.timeout-seconds and was stopped; "
                    + "answered 503 ({0})", e.toString());
            return ErrorResponses.unavailable("The query took longer than Roster allows and was stopped; try "
                    + "again in a few seconds, or narrow the filter if it matches a large part of the resources");
        }
        if (LockConflict.in(e)) {
            LOG.log(Level.WARNING, "A write lost a race for a row lock; answered 409", e);
            return ErrorResponses.of(409, null, "Another request was changing the same resource and this one "
                    + "could not wait for it; nothing was changed, retry the request");
        }
        if (DatabaseUnavailable.in(e)) {
            LOG.log(Level.WARNING, "The database cannot be reached; answered 503 ({0})", e.toString());
            return ErrorResponses.unavailable("Roster cannot reach its database right now; nothing was changed, "
                    + "try again in a few seconds");
        }
        return fallback.toResponse(e);
    }
}
