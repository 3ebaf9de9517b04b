package io.roster.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latencies as the benchmark records them next to Gatling (which keeps its own for its HTML report): one
 * HdrHistogram per request name for the whole run and one per second, with the errors per second, so that the
 * report can chart latency and errors over time.
 */
final class Timings {

    private static final long HIGHEST_NANOS = 600_000_000_000L;
    private static final Map<String, Series> SERIES = new LinkedHashMap<>();
    private static long origin = System.nanoTime();
    static final int RAW_LIMIT = 200_000;

    static final class Series {
        final Histogram all = new Histogram(HIGHEST_NANOS, 3);
        final TreeMap<Long, Histogram> perSecond = new TreeMap<>();
        final TreeMap<Long, Long> errorsPerSecond = new TreeMap<>();
        /** Every sample (end time since the origin in ms, latency in µs), up to {@link #RAW_LIMIT}. */
        final List<long[]> raw = new ArrayList<>();
        long errors;
        long first = Long.MAX_VALUE;
        long last;
    }

    private Timings() {
    }

    static synchronized void reset() {
        SERIES.clear();
        origin = System.nanoTime();
    }

    static synchronized void record(String name, long startNanos, long endNanos, boolean failed) {
        Series series = SERIES.computeIfAbsent(name, n -> new Series());
        long nanos = Math.max(1, Math.min(HIGHEST_NANOS, endNanos - startNanos));
        long second = (endNanos - origin) / 1_000_000_000L;
        series.first = Math.min(series.first, startNanos);
        series.last = Math.max(series.last, endNanos);
        if (failed) {
            series.errors++;
            series.errorsPerSecond.merge(second, 1L, Long::sum);
        }
        series.all.recordValue(nanos);
        if (series.raw.size() < RAW_LIMIT) {
            series.raw.add(new long[] {(endNanos - origin) / 1_000_000L, nanos / 1000L});
        }
        series.perSecond.computeIfAbsent(second, s -> new Histogram(HIGHEST_NANOS, 3)).recordValue(nanos);
    }

    static synchronized Map<String, Series> snapshot() {
        return new LinkedHashMap<>(SERIES);
    }

    static synchronized List<String> names() {
        return new ArrayList<>(SERIES.keySet());
    }
}
