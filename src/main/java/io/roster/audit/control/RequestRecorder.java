package io.roster.audit.control;

import io.roster.audit.entity.LogEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns one finished SCIM request into a provisioning-log entry, a metric, with {@code roster.log.server-log=true}
 * a JSON line in the server log (logger {@code io.roster.provisioning}, for log shipping) and (at FINE, logger
 * {@code io.roster.requests}) a key=value log line. Never throws: recording must not fail a request.
 */
@ApplicationScoped
public class RequestRecorder {

    private static final Logger REQUESTS = Logger.getLogger("io.roster.requests");
    private static final Logger PROVISIONING = Logger.getLogger("io.roster.provisioning");

    @Inject
    ProvisioningLog log;

    @Inject
    RequestMetrics metrics;

    @Inject
    @ConfigProperty(name = "roster.log.server-log", defaultValue = "false")
    boolean serverLog;

    /** What is known about a finished request; {@code path} is from the server root, without the query. */
    public record FinishedRequest(String realm, String serviceAccount, String method, String path,
            String createdId, String filter, int status, String scimType, long startedNanos, String userAgent) {
    }

    public void record(FinishedRequest request) {
        try {
            Duration duration = Duration.ofNanos(System.nanoTime() - request.startedNanos());
            ScimRequestPath target = ScimRequestPath.of(request.path());
            String id = target.resourceId() != null ? target.resourceId() : request.createdId();
            LogEntry entry = new LogEntry(Instant.now(), request.realm(), request.serviceAccount(),
                    request.method(), request.path(), target.resourceType(), id,
                    request.filter() == null ? null : log.filterText(request.filter()), request.status(),
                    request.scimType(), duration.toMillis(), request.userAgent());
            log.record(entry);
            if (serverLog) {
                PROVISIONING.info(ServerLogLine.of(entry));
            }
            metrics.request(request.serviceAccount() == null ? null : request.realm(), target.resourceType(),
                    request.method(), request.status(), duration);
            if (REQUESTS.isLoggable(Level.FINE)) {
                REQUESTS.fine("event=scim-request method=" + request.method() + " path=" + request.path()
                        + " status=" + request.status() + " durationMs=" + duration.toMillis()
                        + " account=" + request.serviceAccount());
            }
        } catch (RuntimeException e) {
            REQUESTS.log(Level.WARNING, "A SCIM request could not be recorded", e);
        }
    }
}
