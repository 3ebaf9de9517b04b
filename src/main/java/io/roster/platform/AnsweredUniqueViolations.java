package io.roster.platform;

import io.roster.protocol.control.UniqueViolation;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLog;

/**
 * Keeps EclipseLink from logging unique-index violations, which it does as a WARNING with a stack trace before it
 * throws. A userName or group displayName that another resource holds is decided by the unique index (UserStore,
 * GroupStore), not by a query before the write, so these violations are a client's mistake, not a fault, and the
 * database's message would put the taken value (often an email address) into the server log. Roster handles every
 * one itself: the SCIM and admin APIs answer 409 ({@code PersistenceFailureMapper}, {@code AdminExceptionMapper}),
 * and the provisioning log's writer logs its own failures in a line of its own. Every other record passes, through
 * the filter the logger had before, if any.
 */
final class AnsweredUniqueViolations implements Filter {

    private static final String SESSION_LOGGERS = JavaLog.SESSION_TOPLINK_NAMESPACE + ".";

    private final Filter before;

    private AnsweredUniqueViolations(Filter before) {
        this.before = before;
    }

    /**
     * Installs the filter on the loggers of Roster's session, when EclipseLink logs through java.util.logging. They
     * are named after the session; the shared ones ({@code org.eclipse.persistence.default}, which another
     * application's unnamed session would use on the same server) are left as they are.
     */
    static void install(SessionLog log) {
        if (log instanceof JavaLog javaLog) {
            for (Logger logger : javaLog.getCategoryLoggers().values()) {
                if (logger.getName().startsWith(SESSION_LOGGERS)
                        && !(logger.getFilter() instanceof AnsweredUniqueViolations)) {
                    logger.setFilter(new AnsweredUniqueViolations(logger.getFilter()));
                }
            }
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getThrown() != null && UniqueViolation.in(record.getThrown())) {
            return false;
        }
        return before == null || before.isLoggable(record);
    }
}
