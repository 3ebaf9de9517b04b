package io.roster.platform;

import java.sql.Connection;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Chooses EclipseLink's database platform. With Roster's own data source it comes from the configured JDBC URL:
 * left to itself EclipseLink connects at deployment to find out, so a database that is down at start-up would make
 * the whole application fail to deploy (no SCIM errors, no health endpoint); this way, with
 * {@link TolerantConnectionPool}, Roster starts, reports DOWN, and says why. With an ops-created JDBC resource
 * ({@code roster.db.datasource}) Roster knows no URL and asks a connection what the database is; if that fails the
 * platform is PostgreSQL's, and readiness reports it should the database turn out to be another. It also keeps
 * EclipseLink from logging the unique-index violations Roster answers as 409 ({@link AnsweredUniqueViolations}).
 */
public class DatabasePlatformCustomizer implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(DatabasePlatformCustomizer.class.getName());

    /** The kind the platform was chosen for, compared at start-up with what Flyway found. */
    private static volatile DatabaseKind chosen = DatabaseKind.UNKNOWN;

    @Override
    public void customize(Session session) {
        DatabaseKind kind = DataSources.external() ? askConnection() : DatabaseKind.of(configuredUrl());
        chosen = kind;
        if (kind == DatabaseKind.POSTGRESQL) {
            session.getLogin().usePlatform(new PostgreSQLPlatform());
        } else {
            session.getLogin().usePlatform(new RosterH2Platform());
        }
        failFastWhenTheDatabaseIsGone(session);
        AnsweredUniqueViolations.install(session.getSessionLog());
        if (session instanceof ServerSession server && server.getDatasourceLogin().shouldUseExternalConnectionPooling()) {
            TolerantConnectionPool pool = new TolerantConnectionPool(ServerSession.DEFAULT_POOL,
                    server.getDatasourceLogin(), server);
            server.getConnectionPools().put(ServerSession.DEFAULT_POOL, pool);
            server.setReadConnectionPool(pool);
        }
    }

    /**
     * A query that fails on a dead connection is retried once, at once (the pool validates and replaces
     * connections). EclipseLink's default, retries five seconds apart, held every request 10 s during a database
     * outage instead of answering 503 at once. Set here because the persistence-unit properties for the same thing
     * do not reach a login that uses the container's data source.
     */
    private static void failFastWhenTheDatabaseIsGone(Session session) {
        DatabaseLogin login = session.getLogin();
        login.setQueryRetryAttemptCount(1);
        login.setDelayBetweenConnectionAttempts(0);
    }

    static DatabaseKind chosen() {
        return chosen;
    }

    private static String configuredUrl() {
        return ConfigProvider.getConfig(DatabasePlatformCustomizer.class.getClassLoader())
                .getOptionalValue("roster.db.url", String.class).orElse("");
    }

    private static DatabaseKind askConnection() {
        String name = DataSources.configuredName();
        try (Connection connection = DataSources.lookup(name).getConnection()) {
            DatabaseKind kind = DatabaseKind.ofConnection(connection.getMetaData());
            return kind == DatabaseKind.UNKNOWN ? DatabaseKind.POSTGRESQL : kind;
        } catch (Exception e) {
            LOG.warning("Cannot ask the data source " + name + " which database it is (" + e
                    + "); assuming PostgreSQL");
            return DatabaseKind.POSTGRESQL;
        }
    }
}
