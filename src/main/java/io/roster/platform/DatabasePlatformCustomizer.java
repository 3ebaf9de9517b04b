package io.roster.platform;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.platform.database.PostgreSQLPlatform;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * Chooses EclipseLink's database platform from the configured JDBC URL. Left to itself EclipseLink connects at
 * deployment to find out, so a database that is down at start-up would make the whole application fail to deploy
 * (no SCIM errors, no health endpoint); this way, with {@link TolerantConnectionPool}, Roster starts, reports DOWN,
 * and says why.
 */
public class DatabasePlatformCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        String url = ConfigProvider.getConfig(DatabasePlatformCustomizer.class.getClassLoader())
                .getOptionalValue("roster.db.url", String.class).orElse("");
        if (DatabaseKind.of(url) == DatabaseKind.POSTGRESQL) {
            session.getLogin().usePlatform(new PostgreSQLPlatform());
        } else {
            session.getLogin().usePlatform(new RosterH2Platform());
        }
        failFastWhenTheDatabaseIsGone(session);
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
}
