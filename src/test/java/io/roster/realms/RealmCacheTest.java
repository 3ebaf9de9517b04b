package io.roster.realms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RealmCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> loads = new ArrayList<>();
    private String stored = "member";

    private RealmCache<String> cache(long millis, Function<String, String> load) {
        return new RealmCache<>(millis, nanos::get, load);
    }

    private String load(String realm) {
        loads.add(realm);
        return realm + ":" + stored;
    }

    @Test
    void readsEachRealmOnceWithinTheLifetime() {
        RealmCache<String> cache = cache(1000, this::load);
        assertThat(cache.get("acme")).isEqualTo("acme:member");
        nanos.addAndGet(999_000_000);
        stored = "admin";
        assertThat(cache.get("acme")).isEqualTo("acme:member");
        assertThat(cache.get("other")).isEqualTo("other:admin");
        assertThat(loads).containsExactly("acme", "other");

        nanos.addAndGet(1_000_000);
        assertThat(cache.get("acme")).as("read again once the lifetime is over").isEqualTo("acme:admin");
        assertThat(loads).containsExactly("acme", "other", "acme");
    }

    @Test
    void aChangeThroughThisInstanceAppliesAtOnce() {
        RealmCache<String> cache = cache(1000, this::load);
        cache.get("acme");
        cache.get("other");
        stored = "admin";
        cache.forget("acme");
        assertThat(cache.get("acme")).isEqualTo("acme:admin");
        assertThat(cache.get("other")).as("only the realm forgotten is read again").isEqualTo("other:member");
        assertThat(loads).containsExactly("acme", "other", "acme");
    }

    @Test
    void aReadThatOverlappedAChangeIsUsedButNotKept() {
        List<RealmCache<String>> cache = new ArrayList<>();
        cache.add(cache(1000, realm -> {
            String before = load(realm);
            if (loads.size() == 1) {
                stored = "admin"; // committed, and forgotten, while this read was under way
                cache.get(0).forget(realm);
            }
            return before;
        }));
        assertThat(cache.get(0).get("acme")).isEqualTo("acme:member");
        assertThat(cache.get(0).get("acme")).isEqualTo("acme:admin");
        assertThat(loads).hasSize(2);
    }

    @Test
    void aLifetimeOfZeroReadsEveryTime() {
        RealmCache<String> cache = cache(0, this::load);
        cache.get("acme");
        cache.get("acme");
        assertThat(loads).hasSize(2);
    }
}
