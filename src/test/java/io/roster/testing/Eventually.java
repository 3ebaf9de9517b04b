package io.roster.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** For what Roster writes in the background (the provisioning log, last-used times): ask until the answer is there. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private Eventually() {
    }

    /** Asks every 200 ms until the answer satisfies the condition; fails after 15 seconds with the last answer. */
    public static <T> T eventually(Supplier<T> ask, Predicate<T> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T answer = ask.get();
        while (!condition.test(answer) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answer = ask.get();
        }
        assertThat(condition.test(answer)).as("eventually: %s", answer).isTrue();
        return answer;
    }
}
