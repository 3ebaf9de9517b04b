package io.roster.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

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

    /**
     * The counter and timer of each tag combination, looked up in the registry once: a registry lookup validates
     * and sorts the tags and builds a metric ID each time, about 1% of a lookup's server CPU (BENCHMARKS.md).
     * The combinations are bounded by the realms, endpoints, methods and five status classes.
     */
    private final Map<Series, SeriesMetrics> series = new ConcurrentHashMap<>();

    private record Series(String realm, String endpoint, String method, int statusClass) {
    }

    private record SeriesMetrics(Counter requests, Timer duration) {
    }

    public void request(String realm, String endpoint, String method, int status, Duration duration) {
        SeriesMetrics metrics = series.computeIfAbsent(new Series(realm == null ? "-" : realm,
                endpoint == null ? "-" : endpoint, method, status / 100), this::register);
        metrics.requests().inc();
        metrics.duration().update(duration);
    }

    private SeriesMetrics register(Series key) {
        Tag[] tags = {new Tag("realm", key.realm()), new Tag("endpoint", key.endpoint()),
                new Tag("method", key.method()), new Tag("status", key.statusClass() + "xx")};
        return new SeriesMetrics(registry.counter("roster_scim_requests", tags), registry.timer(DURATION, tags));
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
