package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.logging.JavaLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.eclipse.persistence.sessions.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnsweredUniqueViolationsTest {

    private final JavaLog log = new JavaLog();
    private final List<LogRecord> published = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                published.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Logger sessionLogger;

    @BeforeEach
    void install() {
        DatabaseSession session = new Project(new DatabaseLogin()).createDatabaseSession();
        session.setName("answered-unique-violations-test");
        log.setSession(session);
        log.setLevel(SessionLog.WARNING);
        sessionLogger = log.getCategoryLoggers()
                .get("org.eclipse.persistence.session.answered-unique-violations-test");
        sessionLogger.setFilter(record -> !record.getMessage().contains("dropped by the filter before"));
        sessionLogger.addHandler(handler);
        sessionLogger.setUseParentHandlers(false);
        AnsweredUniqueViolations.install(log);
    }

    @AfterEach
    void uninstall() {
        sessionLogger.removeHandler(handler);
        sessionLogger.setUseParentHandlers(true);
        sessionLogger.setFilter(null);
    }

    @Test
    void aUniqueViolationIsNotLoggedWhateverWrapsIt() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint \"ux_scim_user_name\"",
                "23505");
        log.logThrowable(SessionLog.WARNING, null, DatabaseException.sqlException(duplicate, null, false));
        log.logThrowable(SessionLog.WARNING, null, new RuntimeException(new RuntimeException(duplicate)));

        assertThat(published).isEmpty();
    }

    @Test
    void everyOtherFailureIsLoggedAsBefore() {
        SQLException gone = new SQLException("Connection refused", "08001");
        log.logThrowable(SessionLog.WARNING, null, DatabaseException.sqlException(gone, null, false));
        log.log(SessionLog.WARNING, "a warning without an exception");
        log.log(SessionLog.WARNING, "dropped by the filter before");

        assertThat(published).extracting(LogRecord::getLevel).containsExactly(Level.WARNING, Level.WARNING);
        assertThat(published.get(0).getThrown()).hasRootCause(gone);
        assertThat(published.get(1).getMessage()).isEqualTo("a warning without an exception");
    }

    @Test
    void theLoggersSharedWithOtherApplicationsAreLeftAlone() {
        assertThat(log.getCategoryLoggers().get("org.eclipse.persistence.default").getFilter()).isNull();
        assertThat(log.getCategoryLoggers().get("sql").getFilter()).isInstanceOf(AnsweredUniqueViolations.class);
    }

    @Test
    void installingTwiceFiltersOnce() {
        AnsweredUniqueViolations.install(log);

        assertThat(sessionLogger.getFilter()).isInstanceOf(AnsweredUniqueViolations.class);
        log.log(SessionLog.WARNING, "dropped by the filter before");
        assertThat(published).isEmpty();
    }
}
