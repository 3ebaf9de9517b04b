package io.roster.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.security.entity.ServiceAccountPrincipal;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    private final Map<String, Long> counts = new HashMap<>();
    private final ServiceAccountPrincipal okta = new ServiceAccountPrincipal("default", "okta", "t1", null);
    private TokenCache cache;

    @BeforeEach
    void cache() {
        cache = new TokenCache();
        cache.lifetimeMillis = 200;
        cache.metrics = countingRegistry();
        cache.counters();
    }

    @Test
    void aValidTokenIsBelievedForItsLifetimeOnly() throws InterruptedException {
        Instant now = Instant.now();
        assertThat(cache.find("h", now)).isEmpty();
        cache.remember("h", okta, "default", Set.of("scim-read"), null);

        assertThat(cache.find("h", now)).get().satisfies(e -> assertThat(e.principal()).isSameAs(okta));
        Thread.sleep(300);
        assertThat(cache.find("h", now)).as("older than its lifetime").isEmpty();
        assertThat(counts).containsEntry("roster_token_cache_hits", 1L).containsEntry("roster_token_cache_misses", 2L);
    }

    @Test
    void anExpiredTokenIsNeverBelieved() {
        Instant now = Instant.now();
        cache.remember("h", okta, "default", Set.of(), now.plusSeconds(1));

        assertThat(cache.find("h", now)).isPresent();
        assertThat(cache.find("h", now.plusSeconds(1))).isEmpty();
    }

    @Test
    void changesThroughThisInstanceForgetEverything() {
        cache.remember("h", okta, "default", Set.of(), null);
        cache.forgetAll();
        assertThat(cache.find("h", Instant.now())).isEmpty();
    }

    @Test
    void aLifetimeOfZeroSwitchesItOff() {
        cache.lifetimeMillis = 0;
        cache.remember("h", okta, "default", Set.of(), null);
        assertThat(cache.find("h", Instant.now())).isEmpty();
    }

    private MetricRegistry countingRegistry() {
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (registry, method, args) -> {
                    if (!method.getName().equals("counter")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    String name = (String) args[0];
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Counter.class},
                            (counter, m, a) -> {
                                counts.merge(name, a == null ? 1L : (Long) a[0], Long::sum);
                                return null;
                            });
                });
    }
}
