package io.roster.security.entity;

/** How many requests a token may make: {@code perSecond} on average, up to {@code burst} at once. */
public record RateLimit(int perSecond, int burst) {

    public RateLimit {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per second and a burst of 1");
        }
    }
}
