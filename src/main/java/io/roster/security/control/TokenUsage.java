package io.roster.security.control;

import io.roster.platform.DataSources;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * When each token was last used. Requests only note it in memory; every few seconds the notes are written in one
 * JDBC batch, so authentication never writes to the database. A note that cannot be written is kept for the
 * next round unless a newer one replaced it; the last notes are written at shutdown.
 */
@ApplicationScoped
public class TokenUsage {

    private static final Logger LOG = Logger.getLogger(TokenUsage.class.getName());
    private static final long FLUSH_SECONDS = 5;

    @Inject
    DataSources dataSources;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private final Map<String, Instant> pending = new ConcurrentHashMap<>();
    private ScheduledFuture<?> flushing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, FLUSH_SECONDS, FLUSH_SECONDS,
                TimeUnit.SECONDS);
    }

    public void used(String tokenId, Instant at) {
        pending.merge(tokenId, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Before the application's beans go (later, at pre-destroy, JPA is no longer usable). */
    void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        if (flushing != null) {
            flushing.cancel(false);
        }
        flushQuietly();
    }

    void flushQuietly() {
        try {
            flush();
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot record when tokens were last used; will retry ({0})", e.toString());
        }
    }

    void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Instant> batch = new HashMap<>(pending);
        try (Connection connection = dataSources.get().getConnection();
                PreparedStatement update = connection.prepareStatement("update api_token set last_used_at = ? "
                        + "where id = ? and (last_used_at is null or last_used_at < ?)")) {
            for (Map.Entry<String, Instant> used : batch.entrySet()) {
                Timestamp at = Timestamp.from(used.getValue());
                update.setTimestamp(1, at);
                update.setString(2, used.getKey());
                update.setTimestamp(3, at);
                update.addBatch();
            }
            update.executeBatch();
        }
        batch.forEach(pending::remove);
    }
}
