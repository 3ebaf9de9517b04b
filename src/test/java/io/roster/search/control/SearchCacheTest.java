package io.roster.search.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.roster.filter.control.FilterParser;
import io.roster.filter.entity.Filter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SearchCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final SearchCache cache = new SearchCache(5_000, now::get);
    private final Filter active = FilterParser.parse("active eq true");

    @Test
    void aCountHoldsForItsRealmFilterAndTypeUntilItExpires() {
        cache.putCount(String.class, "default", active, 42, SearchCache.generation());

        assertThat(cache.count(String.class, "default", FilterParser.parse("active eq true"))).isEqualTo(42);
        assertThat(cache.count(String.class, "default", null)).isNull();
        assertThat(cache.count(String.class, "other", active)).isNull();
        assertThat(cache.count(Integer.class, "default", active)).isNull();
        now.addAndGet(4_999_000_000L);
        assertThat(cache.count(String.class, "default", active)).isEqualTo(42);
        now.addAndGet(2_000_000L);
        assertThat(cache.count(String.class, "default", active)).isNull();
    }

    @Test
    void aWriteInThisInstanceDropsEverything() {
        cache.putCount(String.class, "default", null, 7, SearchCache.generation());
        cache.putLastKeyBefore(String.class, "default", null, 100, 1234, SearchCache.generation());

        SearchCache.written();

        assertThat(cache.count(String.class, "default", null)).isNull();
        assertThat(cache.lastKeyBefore(String.class, "default", null, 100)).isNull();
    }

    @Test
    void anAnswerComputedWhileAWriteHappenedIsNotKept() {
        long before = SearchCache.generation();
        SearchCache.written();

        cache.putCount(String.class, "default", null, 7, before);

        assertThat(cache.count(String.class, "default", null)).isNull();
    }

    @Test
    void aPageEndIsKeptByTheOffsetItContinuesFrom() {
        cache.putLastKeyBefore(String.class, "default", null, 100, 1234, SearchCache.generation());

        assertThat(cache.lastKeyBefore(String.class, "default", null, 100)).isEqualTo(1234);
        assertThat(cache.lastKeyBefore(String.class, "default", null, 200)).isNull();
        assertThat(cache.lastKeyBefore(String.class, "default", active, 100)).isNull();
    }

    @Test
    void noCacheWithoutATimeToLive() {
        SearchCache off = new SearchCache(0, now::get);
        off.putCount(String.class, "default", null, 7, SearchCache.generation());

        assertThat(off.count(String.class, "default", null)).isNull();
    }
}
