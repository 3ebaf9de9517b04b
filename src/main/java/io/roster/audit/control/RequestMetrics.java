package io.roster.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * MicroProfile Metrics of the SCIM API (application scope, {@code /metrics?scope=application}): requests by realm,
 * endpoint, method and status class with their latency, and the provisioning log's throughput, losses and queue.
 * Requests refused before authentication count under realm {@code -}: the realm in their URL is whatever the
 * client wrote, and each distinct value would otherwise become a series of its own.
 */
@ApplicationScoped
public class RequestMetrics {

    /**
     * The unit must be declared: without it Payara exports the timer's mean, max and quantiles in nanoseconds under
     * the name {@code roster_scim_request_duration_seconds} (only {@code _sum} was in seconds).
     */
    private static final Metadata DURATION = Metadata.builder().withName("roster_scim_request_duration")
            .withDescription("Duration of SCIM requests, from authentication to the response")
            .withUnit(MetricUnits.NANOSECONDS).build();

    @Inject
    MetricRegistry registry;

    public void request(String realm, String endpoint, String method, int status, Duration duration) {
        Tag[] tags = {new Tag("realm", realm == null ? "-" : realm), new Tag("endpoint", endpoint == null ? "-" : endpoint),
                new Tag("method", method), new Tag("status", status / 100 + "xx")};
        registry.counter("roster_scim_requests", tags).inc();
        registry.timer(DURATION, tags).update(duration);
    }

    public void logWritten(int entries) {
        registry.counter("roster_provisioning_log_written").inc(entries);
    }

    /** The entries waiting in memory for the next batch write, read whenever the metrics are scraped. */
    public void logQueue(java.util.Collection<?> queue) {
        registry.gauge("roster_provisioning_log_queue_depth", queue, java.util.Collection::size);
    }

    public void logDropped(int entries) {
        registry.counter("roster_provisioning_log_dropped").inc(entries);
    }
}
