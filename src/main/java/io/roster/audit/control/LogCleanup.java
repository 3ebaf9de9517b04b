package io.roster.audit.control;

import io.roster.platform.DataSources;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link LogRetention} a minute after start and then every {@code roster.log.cleanup-minutes}. Several
 * instances sharing a database may each run it; deleting the same rows twice is harmless.
 */
@ApplicationScoped
public class LogCleanup {

    private static final Logger LOG = Logger.getLogger(LogCleanup.class.getName());

    @Inject
    @ConfigProperty(name = "roster.log.retention-days", defaultValue = "30")
    int retentionDays;

    @Inject
    @ConfigProperty(name = "roster.log.max-rows", defaultValue = "1000000")
    long maxRows;

    @Inject
    @ConfigProperty(name = "roster.log.cleanup-minutes", defaultValue = "10")
    long intervalMinutes;

    @Inject
    DataSources dataSources;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> cleaning;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        cleaning = scheduler.scheduleWithFixedDelay(this::clean, 1, Math.max(1, intervalMinutes), TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (cleaning != null) {
            cleaning.cancel(false);
        }
    }

    void clean() {
        try {
            long deleted = new LogRetention(dataSources.get(), Duration.ofDays(Math.max(1, retentionDays)),
                    Math.max(0, maxRows)).clean(Instant.now());
            if (deleted > 0) {
                LOG.info("event=provisioning-log-cleaned deleted=" + deleted + " retentionDays=" + retentionDays
                        + " maxRows=" + maxRows);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot clean up the provisioning log; will retry ({0})", e.toString());
        }
    }
}
