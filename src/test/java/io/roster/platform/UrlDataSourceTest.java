package io.roster.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UrlDataSourceTest {

    @Test
    void givesH2ALockTimeoutLongEnoughForQueuedWriters() {
        assertThat(UrlDataSource.withLockTimeout("jdbc:h2:mem:roster;DB_CLOSE_DELAY=-1"))
                .isEqualTo("jdbc:h2:mem:roster;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        assertThat(UrlDataSource.withLockTimeout("jdbc:h2:file:./data/roster;lock_timeout=500"))
                .as("the operator's own setting stays").isEqualTo("jdbc:h2:file:./data/roster;lock_timeout=500");
    }

    @Test
    void makesEveryH2CommitReachTheFileBeforeItIsAcknowledged() {
        assertThat(UrlDataSource.withDurableCommits("jdbc:h2:file:./data/roster;LOCK_TIMEOUT=10000"))
                .isEqualTo("jdbc:h2:file:./data/roster;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
        assertThat(UrlDataSource.withDurableCommits("jdbc:h2:file:./data/roster;write_delay=200"))
                .as("the operator's own setting stays").isEqualTo("jdbc:h2:file:./data/roster;write_delay=200");
    }

    @Test
    void givesAnH2FileDatabaseAPageCacheOfAQuarterOfTheHeap() {
        long sixGiB = 6L << 30;
        assertThat(UrlDataSource.withCacheSize("jdbc:h2:file:./data/roster;WRITE_DELAY=0", sixGiB))
                .isEqualTo("jdbc:h2:file:./data/roster;WRITE_DELAY=0;CACHE_SIZE=1572864");
        assertThat(UrlDataSource.withCacheSize("jdbc:h2:file:./data/roster", 128L << 20))
                .as("never less than H2's default of 64 MiB").isEqualTo("jdbc:h2:file:./data/roster;CACHE_SIZE=65536");
        assertThat(UrlDataSource.withCacheSize("jdbc:h2:./data/roster;cache_size=4096", sixGiB))
                .as("the operator's own setting stays").isEqualTo("jdbc:h2:./data/roster;cache_size=4096");
        assertThat(UrlDataSource.withCacheSize("jdbc:h2:mem:roster;DB_CLOSE_DELAY=-1", sixGiB))
                .as("an in-memory database has no page cache").isEqualTo("jdbc:h2:mem:roster;DB_CLOSE_DELAY=-1");
    }

    @Test
    void letsPostgresqlSendBatchedInsertsAsMultiRowInserts() {
        assertThat(UrlDataSource.withMultiRowInserts("jdbc:postgresql://db:5432/roster"))
                .isEqualTo("jdbc:postgresql://db:5432/roster?reWriteBatchedInserts=true");
        assertThat(UrlDataSource.withMultiRowInserts("jdbc:postgresql://db/roster?sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/roster?sslmode=require&reWriteBatchedInserts=true");
        assertThat(UrlDataSource.withMultiRowInserts("jdbc:postgresql://db/roster?reWriteBatchedInserts=false"))
                .as("the operator's own setting stays").isEqualTo("jdbc:postgresql://db/roster?reWriteBatchedInserts=false");
    }

    @Test
    void letsPostgresqlPlanEachExecutionUnlessTheUrlSaysOtherwise() {
        assertThat(UrlDataSource.plansEachExecution("jdbc:postgresql://db/roster?sslmode=require")).isTrue();
        assertThat(UrlDataSource.plansEachExecution("jdbc:postgresql://db/roster?options=-c%20plan_cache_mode%3Dauto"))
                .as("the operator's own setting stays").isFalse();
    }

    /** H2 takes the setting: the database reports the cache size the URL asked for. */
    @Test
    void h2UsesTheCacheSize() throws Exception {
        java.nio.file.Path directory = java.nio.file.Files.createTempDirectory("url-data-source-test");
        UrlDataSource dataSource = new UrlDataSource();
        dataSource.setUrl("jdbc:h2:file:" + directory.resolve("db").toAbsolutePath());
        dataSource.setUser("sa");
        dataSource.setPassword("");
        try (Connection connection = dataSource.getConnection();
                java.sql.ResultSet result = connection.createStatement().executeQuery(
                        "select setting_value from information_schema.settings where setting_name = 'CACHE_SIZE'")) {
            assertThat(result.next()).isTrue();
            assertThat(Long.parseLong(result.getString(1)))
                    .isEqualTo(Math.max(65_536, Runtime.getRuntime().maxMemory() / 4 / 1024));
            connection.createStatement().execute("shutdown");
        }
    }

    /** H2 alone would give up after two seconds; a writer behind another one waits for its turn. */
    @Test
    void anH2WriterWaitsLongerThanH2sDefaultForARowLock() throws Exception {
        UrlDataSource dataSource = new UrlDataSource();
        dataSource.setUrl("jdbc:h2:mem:url-data-source-test;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            first.createStatement().execute("create table t (id int primary key, v int)");
            first.createStatement().execute("insert into t values (1, 0)");
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().executeQuery("select * from t where id = 1 for update").close();

            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try (Statement statement = second.createStatement()) {
                    statement.executeQuery("select * from t where id = 1 for update").close();
                    int updated = statement.executeUpdate("update t set v = v + 1 where id = 1");
                    second.commit();
                    return updated;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(3_000);
            assertThat(waiting).as("still waiting after 3 s").isNotDone();
            first.commit();
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }
}
