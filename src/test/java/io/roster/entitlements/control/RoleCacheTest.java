package io.roster.entitlements.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.entitlements.entity.CatalogEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RoleCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final List<String> loads = new ArrayList<>();
    private List<CatalogEntry> stored = List.of(role("member", true), role("admin", false));

    private RoleCache cache(long millis, Function<String, List<CatalogEntry>> load) {
        return new RoleCache(millis, nanos::get, load);
    }

    private List<CatalogEntry> load(String realm) {
        loads.add(realm);
        return stored;
    }

    @Test
    void readsEachRealmOnceWithinTheLifetime() {
        RoleCache cache = cache(1000, this::load);
        assertThat(cache.defaultRole("acme")).map(CatalogEntry::id).contains("member");
        nanos.addAndGet(999_000_000);
        assertThat(cache.roles("acme")).extracting(CatalogEntry::id).containsExactly("member", "admin");
        assertThat(cache.defaultRole("other")).isPresent();
        assertThat(loads).containsExactly("acme", "other");

        stored = List.of(role("admin", false));
        nanos.addAndGet(1_000_000);
        assertThat(cache.defaultRole("acme")).as("read again once the lifetime is over").isEmpty();
        assertThat(loads).containsExactly("acme", "other", "acme");
    }

    @Test
    void aChangeThroughThisInstanceAppliesAtOnce() {
        RoleCache cache = cache(1000, this::load);
        assertThat(cache.defaultRole("acme")).isPresent();
        stored = List.of(role("member", false));
        cache.forget("acme");
        assertThat(cache.defaultRole("acme")).isEmpty();
        assertThat(loads).containsExactly("acme", "acme");
    }

    @Test
    void aReadThatOverlappedAChangeIsUsedButNotKept() {
        RoleCache[] cache = new RoleCache[1];
        cache[0] = cache(1000, realm -> {
            List<CatalogEntry> before = load(realm);
            if (loads.size() == 1) {
                stored = List.of(role("admin", true)); // committed while this read was under way
                cache[0].forget(realm);
            }
            return before;
        });
        assertThat(cache[0].defaultRole("acme")).map(CatalogEntry::id).contains("member");
        assertThat(cache[0].defaultRole("acme")).map(CatalogEntry::id).contains("admin");
        assertThat(loads).hasSize(2);
    }

    @Test
    void aLifetimeOfZeroReadsEveryTime() {
        RoleCache cache = cache(0, this::load);
        cache.roles("acme");
        cache.roles("acme");
        assertThat(loads).hasSize(2);
    }

    private static CatalogEntry role(String id, boolean isDefault) {
        return new CatalogEntry(null, id, id, null, isDefault);
    }
}
