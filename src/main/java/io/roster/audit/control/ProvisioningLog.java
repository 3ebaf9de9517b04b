package io.roster.audit.control;

import io.roster.audit.entity.LogEntry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The provisioning log's way into the database. Requests only put their entry into a bounded in-memory queue,
 * which never blocks: when it is full (the database is slow or down) the entry is dropped and counted. A
 * background task writes the queue in batches every {@code roster.log.flush-millis}, and once more at shutdown.
 */
@ApplicationScoped
public class ProvisioningLog {

    private static final Logger LOG = Logger.getLogger(ProvisioningLog.class.getName());
    private static final int BATCH = 500;

    @Inject
    @ConfigProperty(name = "roster.log.queue-capacity", defaultValue = "10000")
    int capacity;

    @Inject
    @ConfigProperty(name = "roster.log.flush-millis", defaultValue = "1000")
    long flushMillis;

    @Inject
    @ConfigProperty(name = "roster.log.keep-filter-values", defaultValue = "false")
    boolean keepFilterValues;

    @Inject
    LogWriter writer;

    @Inject
    RequestMetrics metrics;

    @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
    ManagedScheduledExecutorService scheduler;

    private BlockingQueue<LogEntry> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile Instant lastDropWarning = Instant.EPOCH;
    private ScheduledFuture<?> flushing;

    @PostConstruct
    void create() {
        queue = new ArrayBlockingQueue<>(Math.max(100, capacity));
        metrics.logQueue(queue);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        long delay = Math.max(100, flushMillis);
        flushing = scheduler.scheduleWithFixedDelay(this::flushQuietly, delay, delay, TimeUnit.MILLISECONDS);
    }

    /** The filter as the log keeps it: redacted unless {@code roster.log.keep-filter-values=true}. */
    public String filterText(String filter) {
        return keepFilterValues ? filter : FilterRedaction.redact(filter);
    }

    public void record(LogEntry entry) {
        if (!queue.offer(entry)) {
            drop(1);
        }
    }

    /** Entries lost since start-up because the queue was full or the database refused a batch. */
    public long dropped() {
        return dropped.get();
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
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot write the provisioning log ({0})", e.toString());
        }
    }

    private void flush() {
        List<LogEntry> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                writer.write(batch);
                metrics.logWritten(batch.size());
            } catch (RuntimeException e) {
                drop(batch.size());
                throw e;
            } finally {
                batch.clear();
            }
        }
    }

    private void drop(int count) {
        dropped.addAndGet(count);
        metrics.logDropped(count);
        Instant now = Instant.now();
        if (now.isAfter(lastDropWarning.plusSeconds(60))) {
            lastDropWarning = now;
            LOG.warning("event=provisioning-log-dropped dropped=" + dropped.get()
                    + " reason=\"the queue is full or the database refused a batch\"");
        }
    }
}
