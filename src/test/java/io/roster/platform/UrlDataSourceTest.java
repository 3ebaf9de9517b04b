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
