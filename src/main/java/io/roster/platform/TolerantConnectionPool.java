package io.roster.platform;

import java.util.logging.Logger;
import org.eclipse.persistence.exceptions.DatabaseException;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.sessions.Login;
import org.eclipse.persistence.sessions.server.ExternalConnectionPool;
import org.eclipse.persistence.sessions.server.ServerSession;

/**
 * EclipseLink's view of the container's connection pool. EclipseLink opens one connection when it starts; if the
 * database is down at that moment, this pool starts anyway (every use takes its connection from the container's
 * pool later), so that Roster deploys, reports DOWN and recovers when the database returns.
 */
final class TolerantConnectionPool extends ExternalConnectionPool {

    private static final Logger LOG = Logger.getLogger("io.roster");

    TolerantConnectionPool(String name, Login login, ServerSession owner) {
        super(name, login, owner);
    }

    @Override
    public synchronized void startUp() {
        try {
            super.startUp();
        } catch (DatabaseException e) {
            LOG.warning("The database is not reachable at start-up; Roster starts and reports DOWN until it is");
            Accessor accessor = getLogin().buildAccessor();
            accessor.setPool(this);
            setCachedConnection(accessor);
            setIsConnected(true);
        }
    }
}
