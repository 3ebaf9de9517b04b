package io.roster.security.control;

import io.roster.security.entity.RateLimit;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits per token, in memory of this instance: a {@link TokenBucket} per token id. The limit is the
 * account's own one if it has one, otherwise {@code roster.rate-limit.per-second} and {@code roster.rate-limit.burst}
 * ({@code per-second} 0 switches the default limit off; accounts with their own limit are still limited).
 */
@ApplicationScoped
public class RateLimiter {

    /** Buckets of idle tokens are forgotten once there are this many. */
    private static final int TIDY_ABOVE = 10_000;

    @Inject
    @ConfigProperty(name = "roster.rate-limit.per-second", defaultValue = "1000")
    int perSecond;

    @Inject
    @ConfigProperty(name = "roster.rate-limit.burst", defaultValue = "2000")
    int burst;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private LongSupplier clock = System::nanoTime;
    private RateLimit defaults;

    @PostConstruct
    void configure() {
        defaults = perSecond <= 0 ? null : new RateLimit(perSecond, Math.max(1, burst));
    }

    /** For unit tests: limits and clock without CDI. */
    static RateLimiter of(RateLimit defaults, LongSupplier clock) {
        RateLimiter limiter = new RateLimiter();
        limiter.defaults = defaults;
        limiter.clock = clock;
        return limiter;
    }

    /** Takes a permit for the token: 0 if allowed, otherwise the seconds to wait before retrying. */
    public long acquire(String tokenId, RateLimit own) {
        RateLimit limit = own == null ? defaults : own;
        if (limit == null) {
            return 0;
        }
        long now = clock.getAsLong();
        if (buckets.size() > TIDY_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.full(now));
        }
        TokenBucket bucket = buckets.compute(tokenId, (id, existing) ->
                existing == null || !existing.limit().equals(limit) ? new TokenBucket(limit, now) : existing);
        return bucket.take(now);
    }
}
