package io.roster.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Failed authentication attempts, counted per source address since start-up (in memory of this instance). Each
 * failure is logged as one structured line without the credential; a source that keeps failing is logged for
 * its first ten failures and then every hundredth, so a brute-force attempt cannot flood the log.
 */
@ApplicationScoped
public class FailedLogins {

    private static final Logger LOG = Logger.getLogger("io.roster.security");
    private static final int MAX_SOURCES = 10_000;

    /** Failures of one source. */
    public record Source(String address, long failures, Instant last) {
    }

    private static final class Counter {
        final AtomicLong failures = new AtomicLong();
        volatile Instant last = Instant.now();
    }

    private final Map<String, Counter> sources = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();

    /**
     * @param api    "scim" or "admin"
     * @param reason why, in words that contain no part of the credential
     */
    public void record(String source, String api, String path, String reason) {
        if (sources.size() >= MAX_SOURCES && !sources.containsKey(source)) {
            sources.clear();
        }
        Counter counter = sources.computeIfAbsent(source, s -> new Counter());
        long count = counter.failures.incrementAndGet();
        counter.last = Instant.now();
        total.incrementAndGet();
        if (count <= 10 || count % 100 == 0) {
            LOG.warning("event=authentication-failed api=" + api + " source=" + source + " path=" + quoted(path)
                    + " reason=" + quoted(reason) + " failuresFromSource=" + count);
        }
    }

    public long total() {
        return total.get();
    }

    /** Sources with the most failures first. */
    public List<Source> sources() {
        return sources.entrySet().stream()
                .map(e -> new Source(e.getKey(), e.getValue().failures.get(), e.getValue().last))
                .sorted(Comparator.comparingLong(Source::failures).reversed().thenComparing(Source::address))
                .toList();
    }

    private static String quoted(String text) {
        String clean = text == null ? "" : text.replaceAll("[\\p{Cntrl}\"]", "?");
        return "\"" + (clean.length() > 200 ? clean.substring(0, 200) + "…" : clean) + "\"";
    }
}
