package io.roster.realms;

import io.roster.platform.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Purges deleted realms in the background: at once when a realm is deleted, and every minute for any realm whose
 * purge was interrupted (a restart, a database outage) or was deleted through another instance.
 */
@ApplicationScoped
public class RealmPurge {

    private static final Logger LOG = Logger.getLogger(RealmPurge.class.getName());

    @Inject
    @ConfigProperty(name = "roster.realms.purge-batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    RealmStore realms;

    @Inject
    DataSources dataSources;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> sweeping;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        sweeping = scheduler.scheduleWithFixedDelay(this::purgeAllDeleted, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (sweeping != null) {
            sweeping.cancel(false);
        }
    }

    /** Starts purging a realm that {@link RealmStore#markDeleted} has just deleted. */
    public void purgeSoon(String realm) {
        scheduler.execute(() -> purge(realm));
    }

    void purgeAllDeleted() {
        try {
            realms.awaitingPurge().forEach(this::purge);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot look for deleted realms to purge; will retry ({0})", e.toString());
        }
    }

    private void purge(String realm) {
        if (!running.add(realm)) {
            return;
        }
        long start = System.nanoTime();
        try (Connection connection = dataSources.get().getConnection()) {
            RealmPurger.Result result = new RealmPurger(connection, realm, batchSize).purge();
            LOG.info("event=realm-purged realm=" + realm + " rows=" + result.rows() + " batches=" + result.batches()
                    + " largestBatch=" + result.largestBatch() + " ms=" + (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Purging the deleted realm {0} stopped; it resumes within a minute ({1})",
                    new Object[] {realm, e.toString()});
        } finally {
            running.remove(realm);
        }
    }
}
