package io.roster.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.security.entity.RateLimit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);

    @Test
    void aBurstPassesThenRequestsWaitForTheRefill() {
        RateLimiter limiter = RateLimiter.of(new RateLimit(2, 3), now::get);
        assertThat(limiter.acquire("t", null)).isZero();
        assertThat(limiter.acquire("t", null)).isZero();
        assertThat(limiter.acquire("t", null)).isZero();
        assertThat(limiter.acquire("t", null)).as("seconds to wait").isEqualTo(1);

        now.addAndGet(SECOND / 2);
        assertThat(limiter.acquire("t", null)).as("one permit after half a second at 2/s").isZero();
        assertThat(limiter.acquire("t", null)).isEqualTo(1);

        now.addAndGet(10 * SECOND);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("t", null)).as("refilled up to the burst, not beyond").isZero();
        }
        assertThat(limiter.acquire("t", null)).isEqualTo(1);
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUp() {
        RateLimiter limiter = RateLimiter.of(new RateLimit(1, 1), now::get);
        assertThat(limiter.acquire("t", null)).isZero();
        now.addAndGet(SECOND / 10);
        assertThat(limiter.acquire("t", null)).isEqualTo(1);

        RateLimit slow = new RateLimit(1, 1);
        TokenBucket bucket = new TokenBucket(slow, 0);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(1);
    }

    @Test
    void tokensHaveTheirOwnBuckets() {
        RateLimiter limiter = RateLimiter.of(new RateLimit(1, 1), now::get);
        assertThat(limiter.acquire("a", null)).isZero();
        assertThat(limiter.acquire("a", null)).isPositive();
        assertThat(limiter.acquire("b", null)).isZero();
    }

    @Test
    void anAccountsOwnLimitWinsOverTheDefault() {
        RateLimiter limiter = RateLimiter.of(new RateLimit(1000, 1000), now::get);
        assertThat(limiter.acquire("t", new RateLimit(1, 2))).isZero();
        assertThat(limiter.acquire("t", new RateLimit(1, 2))).isZero();
        assertThat(limiter.acquire("t", new RateLimit(1, 2))).isEqualTo(1);
        assertThat(limiter.acquire("t", null)).as("a changed limit starts a new bucket").isZero();
    }

    @Test
    void noDefaultLimitMeansUnlimited() {
        RateLimiter limiter = RateLimiter.of(null, now::get);
        for (int i = 0; i < 10_000; i++) {
            assertThat(limiter.acquire("t", null)).isZero();
        }
        assertThat(limiter.acquire("t", new RateLimit(1, 1))).isZero();
        assertThat(limiter.acquire("t", new RateLimit(1, 1))).isEqualTo(1);
    }
}
