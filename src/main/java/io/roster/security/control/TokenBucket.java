package io.roster.security.control;

import io.roster.security.entity.RateLimit;

/**
 * A token bucket: it holds up to {@code burst} permits, refills at {@code perSecond}, and each request takes one.
 * Time comes from the caller (nanoseconds, as {@link System#nanoTime()}) so the arithmetic is testable.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final RateLimit limit;
    private double permits;
    private long refilledAt;

    TokenBucket(RateLimit limit, long now) {
        this.limit = limit;
        this.permits = limit.burst();
        this.refilledAt = now;
    }

    RateLimit limit() {
        return limit;
    }

    /** Takes a permit: 0 if one was available, otherwise the whole seconds until one will be (at least 1). */
    synchronized long take(long now) {
        refill(now);
        if (permits >= 1) {
            permits -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - permits) / limit.perSecond()));
    }

    /** Whether the bucket is full, i.e. the token has been idle long enough to forget the bucket. */
    synchronized boolean full(long now) {
        refill(now);
        return permits >= limit.burst();
    }

    private void refill(long now) {
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            permits = Math.min(limit.burst(), permits + elapsed / NANOS_PER_SECOND * limit.perSecond());
            refilledAt = now;
        }
    }
}
